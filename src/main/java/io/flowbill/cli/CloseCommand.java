package io.flowbill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.DayRanges;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.UnratedDaysException;

/**
 * {@code close --month M [--force]}: refreshes each tenant's invoice of a month that is over a last time, makes it
 * FINAL and writes its export. A FINAL invoice never changes; later corrections go to the next open invoice. A
 * month with days that were never rated is refused (exit 1, the days named) unless {@code --force} is given.
 */
@Component
class CloseCommand {

    private final InvoiceService invoices;
    private final ExportService exports;

    CloseCommand(InvoiceService invoices, ExportService exports) {
        this.invoices = invoices;
        this.exports = exports;
    }

    int run(YearMonth month, boolean force, PrintWriter out, PrintWriter err) {
        List<LocalDate> unrated = invoices.unratedDays(month);
        List<InvoiceState> closed;
        try {
            closed = invoices.close(month, force);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        catch (UnratedDaysException refused) {
            err.println("flowbill close failed: " + refused.getMessage() + "; rate them first ('nightly --date"
                    + " D' or 'rate --date D'), or close " + month + " anyway with --force (their charges then"
                    + " reach the next open invoice as adjustments)");
            err.flush();
            return FlowbillCli.EXIT_FAILED;
        }
        if (!unrated.isEmpty()) {
            out.println("warning: --force: closing " + month + " with " + unrated.size()
                    + " days never rated: " + DayRanges.of(unrated));
        }
        out.println("close " + month);
        for (InvoiceState invoice : closed) {
            out.printf("  invoice           %s %s %s %s %s (%d lines, %s)%n", invoice.tenant(), invoice.month(),
                    invoice.status(), invoice.total().toPlainString(), invoice.currency(), invoice.lines(),
                    invoice.changed() ? "closed now" : "already final");
        }
        for (Path file : exports.writeInvoices(closed)) {
            out.printf("  file              %s%n", file);
        }
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}
