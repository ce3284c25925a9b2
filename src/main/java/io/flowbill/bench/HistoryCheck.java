package io.flowbill.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.flowbill.invoicing.MonthCheck;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;

/**
 * The check that a loaded history ({@link MonthEnd#load}) holds what rating would have written: every history day has
 * as many rows in each daily table as the day the real job rated; the real rating of a sample of the days whose
 * usage hours exist (the first, a middle one, the last) finds nothing to change in their lines, package days and
 * rollups; and {@link MonthCheck} finds the month's running sums and invoice equal to the month summed again from its
 * daily rows. A failure stops the bench: a history that differs would measure another month end.
 */
final class HistoryCheck {

    private HistoryCheck() {
    }

    /**
     * Checks the {@code days} days before {@code measuredDay}, the last {@code daysWithHours} of them with usage hours;
     * returns how long it took, in seconds.
     *
     * @throws IllegalStateException naming what differs
     */
    static double require(Connection connection, RatingService rating, MonthCheck monthCheck, LocalDate measuredDay,
            int days, int daysWithHours) throws Exception {
        long start = System.nanoTime();
        if (days == 0) {
            return 0;
        }
        List<String> found = new ArrayList<>(countsDiffering(connection, measuredDay, days));
        for (LocalDate day : sample(measuredDay, daysWithHours)) {
            List<String> rollups = rollups(connection, day);
            RatedDay again = rating.rate(RatingInput.TENANT, day);
            if (again.changed()) {
                found.add("rating " + day + " again changed its charge lines or package days");
            }
            if (!rollups(connection, day).equals(rollups)) {
                found.add("rating " + day + " again changed its charge_day or usage_day rows");
            }
        }
        found.addAll(monthCheck.differences(RatingInput.TENANT, YearMonth.from(measuredDay)));
        if (!found.isEmpty()) {
            throw new IllegalStateException("the loaded history differs from what rating writes (" + found.size()
                    + " differences, the first: " + found.subList(0, Math.min(10, found.size())) + ")");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The first, a middle and the last of the {@code daysWithHours} days before {@code measuredDay}. */
    static List<LocalDate> sample(LocalDate measuredDay, int daysWithHours) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (daysWithHours > 0) {
            days.add(measuredDay.minusDays(daysWithHours));
            days.add(measuredDay.minusDays((daysWithHours + 1) / 2));
            days.add(measuredDay.minusDays(1));
        }
        return List.copyOf(days);
    }

    /** Each history day whose row count in a daily table is not the rated day's (the day before the measured one). */
    private static List<String> countsDiffering(Connection connection, LocalDate measuredDay, int days)
            throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : HistoryCopy.DAILY_TABLES) {
            try (PreparedStatement query = connection.prepareStatement("""
                    with days as (
                      select d::date as charge_date from generate_series(?::date, ?::date, interval '1 day') d),
                    counts as (
                      select charge_date, count(*) as n from %s
                       where tenant_id = ? and charge_date >= ? and charge_date < ? group by charge_date)
                    select days.charge_date, coalesce(counts.n, 0),
                           (select n from counts where charge_date = ?::date)
                      from days left join counts using (charge_date)
                     where coalesce(counts.n, 0) is distinct from (select n from counts where charge_date = ?::date)
                    """.formatted(table))) {
                Date first = Date.valueOf(measuredDay.minusDays(days));
                Date last = Date.valueOf(measuredDay.minusDays(1));
                query.setDate(1, first);
                query.setDate(2, last);
                query.setString(3, RatingInput.TENANT);
                query.setDate(4, first);
                query.setDate(5, Date.valueOf(measuredDay));
                query.setDate(6, last);
                query.setDate(7, last);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.add(table + " of " + rs.getDate(1) + ": " + rs.getLong(2) + " rows, the rated day "
                                + rs.getLong(3));
                    }
                }
            }
        }
        return found;
    }

    /** The tenant's rollup rows of the day, as text in a stable order. */
    private static List<String> rollups(Connection connection, LocalDate day) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("charge_day", "usage_day")) {
            try (PreparedStatement query = connection.prepareStatement("select '" + table + " ' || to_jsonb(t)::text"
                    + " from " + table + " t where tenant_id = ? and charge_date = ? order by 1")) {
                query.setString(1, RatingInput.TENANT);
                query.setDate(2, Date.valueOf(day));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
