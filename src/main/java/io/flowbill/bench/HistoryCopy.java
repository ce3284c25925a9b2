package io.flowbill.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the history's days from one day that the real rating job rated: every day of the bench's fleet has the same
 * usage ({@link RatingInput}), so each day's rows are the rated day's with their {@code charge_date} moved. Each table
 * in one statement for all the days, set-based in PostgreSQL; the columns are read from the catalog, so a column
 * that rating starts writing is copied too. The month's running sums are not touched here (they are summed again
 * from these rows after).
 */
final class HistoryCopy {

    /** Every table rating's publish writes a day's rows of, keyed by {@code charge_date}. */
    static final List<String> DAILY_TABLES = List.of("charge_line", "package_day", "charge_day", "usage_day",
            "rated_day");

    private HistoryCopy() {
    }

    /** Copies the tenant's rows of {@code rated} in each of {@link #DAILY_TABLES} to the {@code days} days before it. */
    static void copyBefore(Connection connection, LocalDate rated, int days) throws SQLException {
        if (days < 1) {
            return;
        }
        for (String table : DAILY_TABLES) {
            String columns = String.join(", ", copiedColumns(connection, table));
            try (PreparedStatement copy = connection.prepareStatement("insert into " + table + " (charge_date, "
                    + columns + ") select charge_date - n, " + columns + " from " + table
                    + " cross join generate_series(1, ?) n where tenant_id = ? and charge_date = ?")) {
                copy.setInt(1, days);
                copy.setString(2, RatingInput.TENANT);
                copy.setDate(3, Date.valueOf(rated));
                copy.executeUpdate();
            }
        }
        try (PreparedStatement analyze = connection.prepareStatement("analyze " + String.join(", ", DAILY_TABLES))) {
            analyze.execute();
        }
    }

    /** The table's columns but {@code charge_date} and those the database numbers itself. */
    private static List<String> copiedColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select column_name from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and column_name <> 'charge_date'
                   and is_identity = 'NO' and is_generated = 'NEVER'
                   and coalesce(column_default, '') not like 'nextval(%'
                 order by ordinal_position
                """)) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no columns of " + table + " in the current schema");
        }
        return columns;
    }
}
