package io.flowbill.metering;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes usage rows and metering exceptions. The UNIQUE key (tenant, container, window) makes a second write
 * of the same hour a no-op; a refresh instead updates changed traffic and records each change as a revision.
 * A refresh that reads an unusable traffic value keeps the value it had (and records the exception): bad data
 * never overwrites good data.
 */
@Repository
class UsageStore {

    private static final String INSERT = """
            insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
              use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, raw_up, raw_down,
              inferred, run_id, metered_at, traffic_pending)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, container_id, window_start) do
            """;

    /**
     * A second write of an hour changes it only when it cures pending traffic: a read that settles it (both
     * directions known, or the container gone), or one that knows a direction the row does not. A direction the new
     * read does not know keeps its stored value.
     */
    private static final String CURE_PENDING = """
             update set up_mb = coalesce(excluded.up_mb, usage_hour.up_mb),
              down_mb = coalesce(excluded.down_mb, usage_hour.down_mb),
              raw_up = case when excluded.up_mb is null and usage_hour.up_mb is not null then usage_hour.raw_up
                            else excluded.raw_up end,
              raw_down = case when excluded.down_mb is null and usage_hour.down_mb is not null then usage_hour.raw_down
                              else excluded.raw_down end,
              traffic_pending = excluded.traffic_pending, run_id = excluded.run_id, metered_at = excluded.metered_at
             where usage_hour.traffic_pending and (not excluded.traffic_pending
               or (usage_hour.up_mb is null and excluded.up_mb is not null)
               or (usage_hour.down_mb is null and excluded.down_mb is not null))
            """;

    /**
     * A refresh takes every attribute; per direction, a known value replaces the stored one and an unknown one keeps
     * it. The hour stays pending only when a direction is still unknown and the new read is a pending kind.
     */
    private static final String REFRESH = """
             update set status = excluded.status, billable = excluded.billable, charge_type = excluded.charge_type,
              spec_id = excluded.spec_id, use_public_network = excluded.use_public_network,
              network_charge_type = excluded.network_charge_type, bandwidth = excluded.bandwidth,
              active_seconds = excluded.active_seconds,
              up_mb = coalesce(excluded.up_mb, usage_hour.up_mb),
              down_mb = coalesce(excluded.down_mb, usage_hour.down_mb),
              raw_up = case when excluded.up_mb is null then usage_hour.raw_up else excluded.raw_up end,
              raw_down = case when excluded.down_mb is null then usage_hour.raw_down else excluded.raw_down end,
              traffic_pending = excluded.traffic_pending
                and (coalesce(excluded.up_mb, usage_hour.up_mb) is null
                     or coalesce(excluded.down_mb, usage_hour.down_mb) is null),
              inferred = excluded.inferred,
              run_id = excluded.run_id, metered_at = excluded.metered_at
            """;

    private final JdbcTemplate jdbc;
    private final StatusPolicy statuses;

    UsageStore(JdbcTemplate jdbc, StatusPolicy statuses) {
        this.jdbc = jdbc;
        this.statuses = statuses;
    }

    /**
     * Writes one chunk of metered hours; returns how many refreshed rows changed traffic. Hours written into windows
     * an earlier run had closed are recorded in {@code usage_change}, so the days they belong to are billed again.
     */
    int write(String tenant, long runId, boolean refresh, MeteringProperties settings, List<MeteredHour> hours) {
        Map<String, BigDecimal[]> before = refresh ? trafficBefore(tenant, hours) : Map.of();
        int revised = refresh ? recordRevisions(tenant, runId, before, hours) : 0;
        Instant now = Instant.now();
        jdbc.batchUpdate(INSERT + (refresh ? REFRESH : CURE_PENDING), hours, 1000,
                (ps, h) -> bindUsage(ps, tenant, runId, now, settings, h, statuses.isBillable(h.hour().status())));
        writeExceptions(tenant, runId, hours.stream().filter(h -> !goneAfterKnownTraffic(h, before)).toList());
        resolveExceptions(tenant, runId, hours);
        recordChanges(tenant, runId, hours);
        return revised;
    }

    /** A refresh after a deletion: 404 on an hour whose traffic was read before is no exception, the hour is known. */
    private static boolean goneAfterKnownTraffic(MeteredHour h, Map<String, BigDecimal[]> before) {
        BigDecimal[] old = before.get(key(h));
        return old != null && old[0] != null && old[1] != null
                && h.exceptions().stream().allMatch(e -> e.kind() == MeteringException.Kind.FLOW_GONE);
    }

    private static void bindUsage(PreparedStatement ps, String tenant, long runId, Instant now,
            MeteringProperties settings, MeteredHour h, boolean billable) throws SQLException {
        ContainerHour hour = h.hour();
        ps.setString(1, tenant);
        ps.setLong(2, hour.containerId());
        ps.setTimestamp(3, Timestamp.from(hour.window().start()));
        ps.setString(4, hour.status());
        ps.setBoolean(5, billable);
        ps.setInt(6, hour.chargeType());
        ps.setInt(7, hour.specId());
        ps.setObject(8, hour.usePublicNetwork(), Types.SMALLINT);
        ps.setObject(9, hour.networkChargeType(), Types.SMALLINT);
        ps.setObject(10, hour.bandwidth(), Types.INTEGER);
        ps.setInt(11, hour.activeSeconds());
        ps.setBigDecimal(12, h.upMb());
        ps.setBigDecimal(13, h.downMb());
        ps.setString(14, h.rawUp());
        ps.setString(15, h.rawDown());
        ps.setBoolean(16, hour.inferred(settings.inferredAfter()));
        ps.setLong(17, runId);
        ps.setTimestamp(18, Timestamp.from(now));
        ps.setBoolean(19, h.trafficPending());
    }

    private Map<String, BigDecimal[]> trafficBefore(String tenant, List<MeteredHour> hours) {
        Map<String, BigDecimal[]> before = new HashMap<>();
        forHours(tenant, hours, """
                select u.container_id, u.window_start, u.up_mb, u.down_mb
                  from usage_hour u join unnest(?::bigint[], ?::timestamptz[]) as h(container_id, window_start)
                    on u.container_id = h.container_id and u.window_start = h.window_start
                 where u.tenant_id = ?
                """, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getLong(1) + "@" + rs.getTimestamp(2).toInstant(),
                            new BigDecimal[] { rs.getBigDecimal(3), rs.getBigDecimal(4) });
                }
            }
            return null;
        });
        return before;
    }

    private int recordRevisions(String tenant, long runId, Map<String, BigDecimal[]> before, List<MeteredHour> hours) {
        List<Object[]> revisions = new ArrayList<>();
        for (MeteredHour h : hours) {
            BigDecimal[] old = before.get(key(h));
            if (old == null) {
                continue;
            }
            // a direction this read does not know keeps its stored value (REFRESH)
            BigDecimal up = h.upMb() == null ? old[0] : h.upMb();
            BigDecimal down = h.downMb() == null ? old[1] : h.downMb();
            if (differs(old[0], up) || differs(old[1], down)) {
                revisions.add(new Object[] { tenant, h.hour().containerId(), Timestamp.from(h.hour().window().start()),
                        old[0], up, old[1], down, runId });
            }
        }
        jdbc.batchUpdate("""
                insert into usage_revision (tenant_id, container_id, window_start, old_up_mb, new_up_mb,
                  old_down_mb, new_down_mb, run_id) values (?, ?, ?, ?, ?, ?, ?, ?)
                """, revisions);
        return revisions.size();
    }

    /** One row per (container, window, kind): two problems of a kind in one hour (up and down) become one row. */
    private void writeExceptions(String tenant, long runId, List<MeteredHour> hours) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (MeteredHour h : hours) {
            for (MeteringException e : h.exceptions()) {
                String key = key(h) + "#" + e.kind();
                Object[] row = rows.get(key);
                if (row == null) {
                    rows.put(key, new Object[] { tenant, h.hour().containerId(), Timestamp.from(h.hour().window().start()),
                            e.kind().code(), e.rawValue(), e.message(), runId });
                }
                else {
                    row[4] = Objects.equals(row[4], e.rawValue()) ? row[4] : row[4] + " | " + e.rawValue();
                    row[5] = row[5] + "; " + e.message();
                }
            }
        }
        jdbc.batchUpdate("""
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, container_id, window_start, kind) do update
                  set raw_value = excluded.raw_value, message = excluded.message, run_id = excluded.run_id,
                      resolved = false
                """, new ArrayList<>(rows.values()));
    }

    /**
     * A later read that settles an hour's traffic (a known value, or the container gone) resolves the pending-traffic
     * exceptions an earlier run recorded for it: one set-based statement per chunk.
     */
    private void resolveExceptions(String tenant, long runId, List<MeteredHour> hours) {
        resolve(tenant, runId, hours.stream().filter(h -> !h.trafficPending()).toList(),
                "'flow_unavailable', 'malformed_flow', 'implausible_flow'");
        // an answer, even a bad one, means the flow is no longer unavailable
        resolve(tenant, runId, hours.stream().filter(h -> h.exceptions().stream()
                .noneMatch(e -> e.kind() == MeteringException.Kind.FLOW_UNAVAILABLE)).toList(), "'flow_unavailable'");
    }

    private void resolve(String tenant, long runId, List<MeteredHour> hours, String kinds) {
        forHours(tenant, hours, """
                update metering_exception e set resolved = true
                  from unnest(?::bigint[], ?::timestamptz[]) as h(container_id, window_start)
                 where e.container_id = h.container_id and e.window_start = h.window_start and e.tenant_id = ?
                   and e.run_id <> ? and e.kind in (""" + kinds + """
                ) and not e.resolved
                """, statement -> {
            statement.setLong(4, runId);
            return statement.executeUpdate();
        });
    }

    /**
     * Rows this run inserted or changed (they carry its run id) in windows that an earlier run closed: late
     * containers, cured pending traffic, refreshed traffic. Their hours are recorded in {@code usage_change} until
     * the day they belong to is billed again.
     */
    private void recordChanges(String tenant, long runId, List<MeteredHour> hours) {
        forHours(tenant, hours, """
                insert into usage_change (tenant_id, window_start)
                select distinct u.tenant_id, u.window_start
                  from usage_hour u join unnest(?::bigint[], ?::timestamptz[]) as h(container_id, window_start)
                    on u.container_id = h.container_id and u.window_start = h.window_start
                 where u.tenant_id = ? and u.run_id = ?
                   and exists (select 1 from metered_window m
                                where m.tenant_id = u.tenant_id and m.window_start = u.window_start and m.run_id <> ?)
                on conflict (tenant_id, window_start) do update set recorded_by = pg_current_xact_id()
                """, statement -> {
            statement.setLong(4, runId);
            statement.setLong(5, runId);
            return statement.executeUpdate();
        });
    }

    /**
     * Runs one statement for a chunk's hours, bound as two arrays (container ids, window starts) then the tenant:
     * one round trip per chunk instead of one per hour.
     */
    private <T> T forHours(String tenant, List<MeteredHour> hours, String sql, StatementWork<T> work) {
        if (hours.isEmpty()) {
            return null;
        }
        Long[] containers = hours.stream().map(h -> h.hour().containerId()).toArray(Long[]::new);
        Timestamp[] windows = hours.stream().map(h -> Timestamp.from(h.hour().window().start())).toArray(Timestamp[]::new);
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("bigint", containers));
                statement.setArray(2, connection.createArrayOf("timestamptz", windows));
                statement.setString(3, tenant);
                return work.apply(statement);
            }
        });
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a == null ? b != null : b == null || a.compareTo(b) != 0;
    }

    private static String key(MeteredHour h) {
        return h.hour().containerId() + "@" + h.hour().window().start();
    }
}
