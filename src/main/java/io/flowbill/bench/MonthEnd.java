package io.flowbill.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;

/**
 * The rating benchmark's night at a month's end: the measured day is the last day of a month that is over, and
 * {@code --history-days D} loads the D days before it, each through the real nightly path (its usage set-based by
 * {@link RatingInput}, then {@link RatingService#rate} records its charge lines, package days and rollup exactly as
 * the nightly would) and refreshes the month's invoice once, as the night before did.
 */
final class MonthEnd {

    /** What the history holds and how long loading it took. */
    record History(int days, long usageHours, long chargeLines, double seconds) {
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

    /** Loads and rates the {@code days} days before {@code measuredDay}, oldest first, one day at a time. */
    static History load(Connection connection, RatingService rating, InvoiceService invoices, BillingZone zone,
            int containers, LocalDate measuredDay, int days) throws Exception {
        long start = System.nanoTime();
        long hours = 0;
        long lines = 0;
        for (int before = days; before >= 1; before--) {
            LocalDate day = measuredDay.minusDays(before);
            hours += RatingInput.loadUsage(connection, containers, zone.startOf(day));
            RatingInput.analyzeUsage(connection);
            lines += rating.rate(RatingInput.TENANT, day).lines();
        }
        if (days > 0) {
            invoices.refreshFor(RatingInput.TENANT, measuredDay.minusDays(1));
        }
        return new History(days, hours, lines, (System.nanoTime() - start) / 1e9);
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
