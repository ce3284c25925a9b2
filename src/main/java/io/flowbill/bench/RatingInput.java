package io.flowbill.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Loads days of usage directly (no API) for the rating benchmark: {@code containers} containers, a deterministic
 * mix of package and on-demand, specs, public/private, bandwidth (below and above 5 Mbps) and traffic billing, with
 * the changes a real day has: one container in 10 created during the day (a half first hour, fewer hours), one in
 * 20 of the bandwidth ones raised at noon, one in 50 updating from 18:00, traffic different every hour. Every day has
 * the same shape. Written set-based by PostgreSQL itself ({@code generate_series}); ids from 1,000,000,000 on, clear
 * of the sandbox fleet.
 */
final class RatingInput {

    /** The tenant of the generated containers and usage (the single account's default tenant). */
    static final String TENANT = "default";

    private RatingInput() {
    }

    /** The containers, first seen at {@code firstDayStart}. */
    static void loadContainers(Connection connection, int containers, Instant firstDayStart) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select 'default', 1000000000 + i, 'bench-' || i, ?::timestamptz - interval '30 days', ?::timestamptz,
                       ?::timestamptz
                  from generate_series(0, ? - 1) i
                """)) {
            Timestamp start = Timestamp.from(firstDayStart);
            insert.setTimestamp(1, start);
            insert.setTimestamp(2, start);
            insert.setTimestamp(3, start);
            insert.setInt(4, containers);
            insert.execute();
        }
    }

    /** The usage hours of the day starting at {@code dayStart}; returns how many. */
    static long loadUsage(Connection connection, int containers, Instant dayStart) throws SQLException {
        return loadUsage(connection, containers, List.of(dayStart));
    }

    /**
     * The usage hours of the days starting at {@code dayStarts}, in one statement; returns how many. Written in the
     * order of the primary key (container, then hour), so each index takes its rows where it took the last ones
     * instead of in every page of the days before: the month's history loads in about the time of its writes.
     */
    static long loadUsage(Connection connection, int containers, List<Instant> dayStarts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                  use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, raw_up, raw_down,
                  inferred, run_id, metered_at)
                select 'default', 1000000000 + i, starts[1 + d] + h * interval '1 hour',
                       case when i % 50 = 7 and h >= 18 then 'update_ing' else 'create_succ' end, true,
                       case when i % 3 = 0 then 1 else 2 end,
                       (array[1, 10, 20, 30, 40, 50])[1 + i % 6],
                       case when i % 3 = 0 or i % 5 <> 0 then 1 else 0 end,
                       case when i % 3 = 0 or i % 5 = 0 then null else 1 + i % 2 end,
                       case when i % 3 <> 0 and i % 5 <> 0 and i % 2 = 0
                            then 1 + i % 8 + case when i % 20 = 2 and h >= 12 then 2 else 0 end end,
                       case when i % 10 = 0 and h = (i / 10) % 24 then 1800 else 3600 end,
                       (i % 997) * 0.125 + h, (i % 991) * 0.5, null, null, false, 0, starts[1 + d]
                  from (select k / (24 * cardinality(starts)) as i, k % (24 * cardinality(starts)) / 24 as d,
                               k % 24 as h, starts
                          from (select ?::timestamptz[] as starts) s
                               cross join generate_series(0, ? * 24 * cardinality(starts) - 1) k) hour
                 where not (i % 10 = 0 and h < (i / 10) % 24)
                """)) {
            insert.setArray(1, connection.createArrayOf("timestamptz",
                    dayStarts.stream().map(Timestamp::from).toArray()));
            insert.setInt(2, containers);
            return insert.executeUpdate();
        }
    }

    /** As autovacuum would have by the night after metering wrote the hours: hint bits set, statistics known. */
    static void vacuum(Connection connection) throws SQLException {
        try (PreparedStatement vacuum = connection.prepareStatement("vacuum analyze")) {
            vacuum.execute();
        }
    }

    /** Statistics of the table that grew, as autoanalyze would have kept them during the month. */
    static void analyzeUsage(Connection connection) throws SQLException {
        try (PreparedStatement analyze = connection.prepareStatement("analyze usage_hour")) {
            analyze.execute();
        }
    }
}
