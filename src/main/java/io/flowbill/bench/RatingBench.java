package io.flowbill.bench;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.MonthCheck;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * The database bound and the night of a month's last day ({@link MonthEnd}): after the history, each repetition
 * rates the day, refreshes the month's invoice, exports the day and the invoice, and closes the month; between
 * repetitions {@link MonthEnd#undo} puts the day back as the first repetition found it. The bound of a repetition is
 * the raw {@code COPY} out of the day's usage plus {@code COPY} in of as many charge lines as it rated.
 */
final class RatingBench {

    private RatingBench() {
    }

    static void measure(ConfigurableApplicationContext context, BenchDatabase database, BenchSettings settings,
            int n, Figures figures) throws Exception {
        BillingZone zone = context.getBean(PriceBook.class).zone();
        RatingService rating = context.getBean(RatingService.class);
        InvoiceService invoices = context.getBean(InvoiceService.class);
        ExportService exports = context.getBean(ExportService.class);
        LocalDate day = MonthEnd.measuredDay(LocalDate.now(zone.id()), settings.historyDays());
        Instant dayStart = zone.startOf(day);
        figures.fact("rating_day", day.toString());
        long usageHours;
        try (Connection connection = database.connect()) {
            RatingInput.loadContainers(connection, n, zone.startOf(day.minusDays(settings.historyDays())));
            int daysWithHours = MonthEnd.daysWithHours(n, settings.historyDays());
            MonthEnd.History history = MonthEnd.load(connection, rating, invoices, zone, n, day,
                    settings.historyDays(), daysWithHours);
            figures.fact("history_days", history.days());
            figures.fact("history_days_with_usage_hours", history.daysWithHours());
            figures.fact("history_usage_hours", history.usageHours());
            figures.fact("history_charge_lines", history.chargeLines());
            figures.fact("history_load_seconds", Figures.round(history.seconds()));
            figures.fact("history_usage_load_seconds", Figures.round(history.usageSeconds()));
            figures.fact("history_check_seconds", Figures.round(HistoryCheck.require(connection, rating,
                    context.getBean(MonthCheck.class), day, history.days(), history.daysWithHours())));
            usageHours = RatingInput.loadUsage(connection, n, dayStart);
            RatingInput.vacuum(connection);
        }
        figures.fact("rating_usage_hours", usageHours);
        for (int repetition = 0; repetition < settings.repeat(); repetition++) {
            try (Connection connection = database.connect()) {
                if (repetition > 0) {
                    MonthEnd.undo(connection, rating, invoices, day);
                }
                figures.add("copy_usage_rows_per_second", n / DatabaseBound.copyUsageRows(connection, n));
                figures.add("copy_charge_lines_per_second", n / DatabaseBound.copyChargeLines(connection, n));
            }
            long start = System.nanoTime();
            RatedDay rated = rating.rate(RatingInput.TENANT, day);
            long ratedAt = System.nanoTime();
            List<InvoiceState> refreshed = List.of(invoices.refreshFor(RatingInput.TENANT, day));
            long invoiced = System.nanoTime();
            MonthEnd.requireChanged(refreshed.get(0));
            exports.writeDay(RatingInput.TENANT, day);
            exports.writeInvoices(refreshed);
            long exported = System.nanoTime();
            invoices.close(RatingInput.TENANT, YearMonth.from(day), true);
            long closed = System.nanoTime();
            double boundSeconds;
            try (Connection connection = database.connect()) {
                MonthEnd.requireFullyPublished(connection, rated);
                boundSeconds = DatabaseBound.copyUsageOut(connection, dayStart.toString(),
                        dayStart.plus(Duration.ofDays(1)).toString()) + DatabaseBound.copyChargeLines(connection,
                                rated.lines());
            }
            double rateSeconds = (exported - start) / 1e9;
            figures.fact("rating_charge_lines", rated.lines());
            figures.add("rating_step_seconds", (ratedAt - start) / 1e9);
            figures.add("invoice_refresh_seconds", (invoiced - ratedAt) / 1e9);
            figures.add("export_seconds", (exported - invoiced) / 1e9);
            figures.add("month_close_seconds", (closed - exported) / 1e9);
            figures.add("rating_export_seconds", rateSeconds);
            figures.add("rating_usage_hours_per_second", usageHours / rateSeconds);
            figures.add("database_bound_seconds_same_rows", boundSeconds);
            figures.add("rating_vs_database_bound", rateSeconds / boundSeconds);
        }
    }
}
