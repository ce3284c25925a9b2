package io.flowbill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code close --month M [--force] [--tenant T]}: refreshes each tenant's invoice of a month that is over a last time, makes it
 * FINAL and writes its export. A FINAL invoice never changes; later corrections go to the next open invoice. A
 * month with days that were never rated is refused (exit 1, the days named) unless {@code --force} is given. Closing
 * a FINAL month again changes nothing and exits 0 with one line saying so; its files are written again from the
 * FINAL invoice (the same bytes, or the files a close stopped before writing them).
 */
@Component
class CloseCommand {

    private final InvoiceService invoices;
    private final ExportService exports;
    private final TenantOutcomes tenants;

    CloseCommand(InvoiceService invoices, ExportService exports, TenantOutcomes tenants) {
        this.invoices = invoices;
        this.exports = exports;
        this.tenants = tenants;
    }

    /** Closes the month of {@code tenant}, or of every account when it is null ({@link TenantOutcomes}). */
    int run(String tenant, YearMonth month, boolean force, PrintWriter out, PrintWriter err) throws Exception {
        try {
            return tenants.summaries(tenant, out, account -> close(account.tenant(), month, force));
        }
        catch (Refused refused) {
            err.println("flowbill close failed: " + refused.getMessage());
            err.flush();
            return FlowbillCli.EXIT_FAILED;
        }
    }

    private String close(String tenant, YearMonth month, boolean force) {
        List<LocalDate> unrated = invoices.unratedDays(tenant, month);
        InvoiceState closed;
        try {
            closed = invoices.close(tenant, month, force);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        catch (UnratedDaysException refused) {
            throw new Refused(refused.getMessage() + "; rate them first ('nightly --date D' or 'rate --date D'),"
                    + " or close " + month + " anyway with --force (their charges then reach the next open invoice"
                    + " as adjustments)");
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        if (!closed.changed()) {
            exports.writeInvoices(List.of(closed));
            out.printf("close %s: %s %s was already %s (%s %s, %d lines); nothing changed%n", month, closed.tenant(),
                    closed.month(), closed.status(), closed.total().toPlainString(), closed.currency(), closed.lines());
            out.flush();
            return text.toString();
        }
        if (!unrated.isEmpty()) {
            out.println("warning: --force: closing " + month + " of tenant " + tenant + " with " + unrated.size()
                    + " days never rated: " + DayRanges.of(unrated));
        }
        out.println("close " + month);
        out.printf("  invoice           %s %s %s %s %s (%d lines, closed now)%n", closed.tenant(), closed.month(),
                closed.status(), closed.total().toPlainString(), closed.currency(), closed.lines());
        for (Path file : exports.writeInvoices(List.of(closed))) {
            out.printf("  file              %s%n", file);
        }
        out.flush();
        return text.toString();
    }

    /** A month the tenant cannot close yet: days never rated. */
    private static final class Refused extends IllegalStateException {

        Refused(String message) {
            super(message);
        }
    }
}
