package io.flowbill.billing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.InvoiceStatus;
import io.flowbill.invoicing.RatedDay;

/**
 * What {@code dayBillingJob}'s steps leave in the job's execution context, as plain text: the next steps read it
 * (the export step writes the invoices the invoice step refreshed), and so does a restart, which skips the steps
 * that completed and still prints the whole day's summary. Keys: {@value #METERING}, {@value #RECHECK},
 * {@value #RATED}, {@value #INVOICES}, {@value #FILES}.
 */
final class DayContext {

    static final String METERING = "metering.summary";
    static final String RECHECK = "recheck.summary";
    static final String RATED = "rating.rated";
    static final String INVOICES = "invoice.refreshed";
    static final String FILES = "export.files";
    /** The database snapshot taken before the day was rated: the usage changes its billing clears. */
    static final String CHANGES_SEEN = "rating.changes-seen";
    private static final String FIELD = "\t";

    private DayContext() {
    }

    static void putRated(ExecutionContext job, RatedDay rated) {
        job.putString(RATED, rated.runId() + FIELD + rated.lines() + FIELD + rated.changed());
    }

    static RatedDay rated(ExecutionContext job, String tenant, LocalDate date) {
        String[] fields = required(job, RATED).split(FIELD);
        return new RatedDay(tenant, date, Long.parseLong(fields[0]), Integer.parseInt(fields[1]),
                Boolean.parseBoolean(fields[2]));
    }

    /** One line per invoice: tenant, month, status, currency, total, lines, changed. */
    static void putInvoices(ExecutionContext job, List<InvoiceState> invoices) {
        job.putString(INVOICES, invoices.stream().map(invoice -> String.join(FIELD, invoice.tenant(),
                invoice.month().toString(), invoice.status().name(), String.valueOf(invoice.currency()),
                invoice.total().toPlainString(), String.valueOf(invoice.lines()), String.valueOf(invoice.changed())))
                .collect(Collectors.joining("\n")));
    }

    static List<InvoiceState> invoices(ExecutionContext job) {
        return required(job, INVOICES).lines().map(line -> line.split(FIELD)).map(f -> new InvoiceState(f[0],
                YearMonth.parse(f[1]), InvoiceStatus.valueOf(f[2]), f[3].equals("null") ? null : f[3],
                new BigDecimal(f[4]), Integer.parseInt(f[5]), Boolean.parseBoolean(f[6]))).toList();
    }

    static void putFiles(ExecutionContext job, List<Path> files) {
        job.putString(FILES, files.stream().map(Path::toString).collect(Collectors.joining("\n")));
    }

    static List<Path> files(ExecutionContext job) {
        return required(job, FILES).lines().map(Path::of).toList();
    }

    static String required(ExecutionContext job, String key) {
        if (!job.containsKey(key)) {
            throw new IllegalStateException("dayBillingJob's execution context has no '" + key + "': the step that"
                    + " writes it did not complete");
        }
        return job.getString(key);
    }
}
