package io.flowbill.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's own limit: raw {@code COPY} of rows shaped like flowbill's usage rows and charge lines into
 * scratch tables, and {@code COPY ... TO STDOUT} of a day's usage, with no flowbill code in the way.
 */
final class DatabaseBound {

    private DatabaseBound() {
    }

    /** Seconds to COPY {@code rows} usage-shaped rows into a scratch table. */
    static double copyUsageRows(Connection connection, long rows) throws SQLException, IOException {
        execute(connection, "create temporary table bench_usage_scratch (like usage_hour including defaults)");
        long start = System.nanoTime();
        copyIn(connection, "copy bench_usage_scratch (tenant_id, container_id, window_start, status, billable,"
                + " charge_type, spec_id, use_public_network, network_charge_type, bandwidth, active_seconds, up_mb,"
                + " down_mb, raw_up, raw_down, inferred, run_id, metered_at) from stdin (format csv)",
                new GeneratedRows(rows, i -> "default," + (100000 + i) + ",2026-11-25 00:00:00+00,create_succ,t,2,20,1,2,,"
                        + "3600," + (i % 1000) + ".125," + (i % 777) + ".5," + (i % 1000) + ".125MB," + (i % 777)
                        + ".5MB,f,1,2026-11-26 00:00:00+00\n"));
        double seconds = (System.nanoTime() - start) / 1e9;
        execute(connection, "drop table bench_usage_scratch");
        return seconds;
    }

    /** Seconds to COPY {@code rows} charge-line-shaped rows into a scratch table. */
    static double copyChargeLines(Connection connection, long rows) throws SQLException, IOException {
        execute(connection, "create temporary table bench_line_scratch (tenant_id varchar(64), day date, container_id"
                + " bigint, item varchar(32), tier int, charge_type smallint, spec_id int, price_version varchar(64),"
                + " quantity numeric, unit_price numeric, amount numeric, currency varchar(3))");
        long start = System.nanoTime();
        copyIn(connection, "copy bench_line_scratch from stdin (format csv)",
                new GeneratedRows(rows, i -> "default,2026-11-25," + (100000 + i / 3) + ",compute,0,2,20,fengchao-2017-05,"
                        + "24.000000000,0.200,4.80,CNY\n"));
        double seconds = (System.nanoTime() - start) / 1e9;
        execute(connection, "drop table bench_line_scratch");
        return seconds;
    }

    /** Seconds to COPY the usage rows of {@code [from, to)} out of the database. */
    static double copyUsageOut(Connection connection, String from, String to) throws SQLException, IOException {
        long start = System.nanoTime();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyOut("copy (select * from usage_hour where window_start >= '" + from + "' and window_start < '" + to
                + "') to stdout (format csv)", Writer.nullWriter());
        return (System.nanoTime() - start) / 1e9;
    }

    private static void copyIn(Connection connection, String sql, Reader rows) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** CSV rows made on the fly, so memory stays flat whatever the count. */
    private static final class GeneratedRows extends Reader {

        private final long count;
        private final java.util.function.LongFunction<String> row;
        private long next;
        private String pending = "";
        private int offset;

        GeneratedRows(long count, java.util.function.LongFunction<String> row) {
            this.count = count;
            this.row = row;
        }

        @Override
        public int read(char[] buffer, int at, int length) {
            int written = 0;
            while (written < length) {
                if (offset == pending.length()) {
                    if (next == count) {
                        return written == 0 ? -1 : written;
                    }
                    pending = row.apply(next++);
                    offset = 0;
                }
                int n = Math.min(length - written, pending.length() - offset);
                pending.getChars(offset, offset + n, buffer, at + written);
                offset += n;
                written += n;
            }
            return written;
        }

        @Override
        public void close() {
        }
    }
}
