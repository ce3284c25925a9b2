package io.flowbill.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;

/**
 * {@code close --month M}: refreshes each tenant's invoice of a month that is over a last time, makes it FINAL
 * and writes its export. A FINAL invoice never changes; later corrections go to the next open invoice.
 */
@Component
class CloseCommand implements FlowbillCommand {

    private final InvoiceService invoices;
    private final ExportService exports;

    CloseCommand(InvoiceService invoices, ExportService exports) {
        this.invoices = invoices;
        this.exports = exports;
    }

    @Override
    public String name() {
        return "close";
    }

    /** Requires {@code --month} as YYYY-MM, before anything starts. */
    static void checkArguments(CommandArgs args) {
        CommandDates.requiredMonth(args);
    }

    @Override
    public int run(CommandArgs args) {
        YearMonth month = CommandDates.requiredMonth(args);
        List<InvoiceState> closed;
        try {
            closed = invoices.close(month);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        List<String> unrated = invoices.unratedDays(month);
        if (!unrated.isEmpty()) {
            System.out.println("warning: " + unrated.size() + " days of " + month + " were never rated: "
                    + String.join(", ", unrated));
        }
        System.out.println("close " + month);
        for (InvoiceState invoice : closed) {
            System.out.printf("  invoice           %s %s %s %s %s (%d lines, %s)%n", invoice.tenant(), invoice.month(),
                    invoice.status(), invoice.total().toPlainString(), invoice.currency(), invoice.lines(),
                    invoice.changed() ? "closed now" : "already final");
        }
        for (Path file : exports.writeInvoices(closed)) {
            System.out.printf("  file              %s%n", file);
        }
        return FlowbillCli.EXIT_OK;
    }
}
