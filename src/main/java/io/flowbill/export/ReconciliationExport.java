package io.flowbill.export;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reconciliation-<YYYY-MM>.csv}, written beside the invoice: the parts of the invoice's total as the database
 * holds them, each a row, so that the {@code amount} column adds up to the total (docs/billing-rules.md, "Invoice
 * lines: rated once"): the daily charge lines (the days' estimates), the difference of rating each invoice line once
 * (the days' roundings, never charged), the month-level lines by item, the adjustments of closed months, the tax, and
 * what changed in the month after its FINAL invoice was closed (0 rows otherwise).
 */
final class ReconciliationExport {

    static final List<String> HEADER = List.of("tenant", "month", "part", "amount", "currency", "invoice_status");

    private ReconciliationExport() {
    }

    static String fileName(YearMonth month) {
        return "reconciliation-" + month + ".csv";
    }

    /**
     * The parts of the month's invoice, in the order they add up to its total; a month without an invoice yet has
     * the first three only (its lines as the invoice would rate them).
     */
    static List<String[]> parts(MonthToDate month) {
        List<String[]> parts = new ArrayList<>();
        parts.add(part("daily_lines", month.daily()));
        parts.add(part("rating_once", month.ratingDifference()));
        month.monthLevel().forEach((item, amount) -> parts.add(part("month_level:" + item, amount)));
        if (!month.hasInvoice()) {
            return parts;
        }
        parts.add(part("adjustments", month.invoice().adjustments()));
        parts.add(part("tax", month.invoice().tax()));
        if (month.sinceInvoice().signum() != 0) {
            parts.add(part("changed_after_close", month.sinceInvoice()));
        }
        return parts;
    }

    static AtomicFile.Written write(Path folder, String tenant, YearMonth month, MonthToDate figures, String currency,
            boolean bom) {
        return CsvFile.write(folder.resolve(fileName(month)), HEADER, bom, sink -> {
            for (String[] part : parts(figures)) {
                sink.row(tenant, month.toString(), part[0], part[1], currency, figures.invoice().status());
            }
        });
    }

    private static String[] part(String name, BigDecimal amount) {
        return new String[] { name, amount.toPlainString() };
    }
}
