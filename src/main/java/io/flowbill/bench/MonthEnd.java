package io.flowbill.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;

/**
 * The rating benchmark's night at a month's end: the measured day is the last day of a month that is over, and
 * {@code --history-days D} loads the D days before it set-based: their usage ({@link RatingInput}), the real rating
 * job ({@link RatingService#rate}) for the last of them only, the other days' charge lines, package days, rollups and
 * rated days copied from it ({@link HistoryCopy}: every day of the fleet has the same usage), the month's running sums
 * summed again from those rows, and one refresh of the month's invoice, as the night before did;
 * {@link HistoryCheck} then proves the history equals what rating writes. Above
 * {@link #MAX_CONTAINERS_WITH_HISTORY_HOURS} containers only the last history day has usage hours (29 days of hours
 * of 1,000,000 containers would be about 143 GB): the other days' rows are what rating writes for the same usage.
 */
final class MonthEnd {

    /** The largest fleet whose every history day gets its usage hours. */
    static final int MAX_CONTAINERS_WITH_HISTORY_HOURS = 100_000;

    /**
     * What the history holds and how long loading it took: {@code days} days, the last {@code daysWithHours} of them
     * with their usage hours; {@code usageSeconds} of the {@code seconds} went to loading the hours.
     */
    record History(int days, int daysWithHours, long usageHours, long chargeLines, double usageSeconds,
            double seconds) {
    }

    private MonthEnd() {
    }

    /** The last day of the latest month before {@code today}'s that has more than {@code historyDays} days. */
    static LocalDate measuredDay(LocalDate today, int historyDays) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        while (month.lengthOfMonth() <= historyDays) {
            month = month.minusMonths(1);
        }
        return month.atEndOfMonth();
    }

    /** How many of the {@code days} history days of a fleet of {@code containers} get their usage hours. */
    static int daysWithHours(int containers, int days) {
        return containers <= MAX_CONTAINERS_WITH_HISTORY_HOURS ? days : Math.min(days, 1);
    }

    /**
     * Loads the {@code days} days before {@code measuredDay}, the usage hours of the last {@code daysWithHours} of
     * them; rates the last one with the real job and copies its rows to the others.
     */
    static History load(Connection connection, RatingService rating, InvoiceService invoices, BillingZone zone,
            int containers, LocalDate measuredDay, int days, int daysWithHours) throws Exception {
        long start = System.nanoTime();
        if (days == 0) {
            return new History(0, 0, 0, 0, 0, 0);
        }
        List<Instant> dayStarts = new ArrayList<>();
        for (int before = daysWithHours; before >= 1; before--) {
            dayStarts.add(zone.startOf(measuredDay.minusDays(before)));
        }
        long hours = RatingInput.loadUsage(connection, containers, dayStarts);
        RatingInput.analyzeUsage(connection);
        double usageSeconds = (System.nanoTime() - start) / 1e9;
        LocalDate rated = measuredDay.minusDays(1);
        long lines = rating.rate(RatingInput.TENANT, rated).lines();
        HistoryCopy.copyBefore(connection, rated, days - 1);
        rating.sumMonthAgain(RatingInput.TENANT, YearMonth.from(measuredDay));
        invoices.refreshFor(RatingInput.TENANT, rated);
        return new History(days, daysWithHours, hours, lines * days, usageSeconds,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Undoes the measured day's rating (its rows and their part of the month's sums) and its month's close, and refreshes the draft without the day, so that the
     * next repetition rates the day (a full publish: its stored lines are gone), refreshes an invoice that the day
     * changes (as a night does, and as the first repetition did) and closes the month.
     */
    static void undo(Connection connection, RatingService rating, InvoiceService invoices, LocalDate day)
            throws SQLException {
        Date month = Date.valueOf(YearMonth.from(day).atDay(1));
        rating.withdraw(RatingInput.TENANT, day);
        update(connection, "update invoice set status = 'DRAFT', closed_at = null where billing_month = ?", month);
        update(connection, "delete from closed_month_rerated where billing_month = ?", month);
        invoices.refreshFor(RatingInput.TENANT, day.minusDays(1));
    }

    /**
     * Refuses a measurement whose rating did not publish the whole day (every line and package day written by its
     * run): a repetition that wrote less measured less than the first did.
     */
    static void requireFullyPublished(Connection connection, RatedDay rated) throws SQLException {
        for (String table : new String[] { "charge_line", "package_day" }) {
            try (PreparedStatement query = connection.prepareStatement("select count(*) filter (where run_id <> ?),"
                    + " count(*) from " + table + " where charge_date = ?")) {
                query.setLong(1, rated.runId());
                query.setDate(2, Date.valueOf(rated.date()));
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (!rated.changed() || rs.getLong(1) > 0 || rs.getLong(2) == 0) {
                        throw new IllegalStateException("the rating of " + rated.date() + " did not publish the whole"
                                + " day (" + table + ": " + rs.getLong(1) + " of " + rs.getLong(2) + " rows from"
                                + " earlier runs): the bench's undo between repetitions missed something");
                    }
                }
            }
        }
    }

    /**
     * Refuses a measurement whose invoice refresh found nothing to change: every night's refresh adds a day to the
     * invoice, and a repetition that found its lines already written measured less than a night.
     */
    static void requireChanged(InvoiceState refreshed) {
        if (!refreshed.changed()) {
            throw new IllegalStateException("the invoice refresh of " + refreshed.month() + " found its lines"
                    + " unchanged: the bench's undo between repetitions left the measured day on the invoice");
        }
    }

    private static void update(Connection connection, String sql, Date date) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, date);
            statement.executeUpdate();
        }
    }
}
