package io.flowbill.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counts what a range holds and marks its windows metered. */
@Repository
class WindowStore {

    private final JdbcTemplate jdbc;

    WindowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the configured tenant once, so its containers and invoices can refer to it (any name, not only the first). */
    void registerTenant(String tenant) {
        jdbc.update("insert into flowbill_tenant (tenant_id) values (?) on conflict do nothing", tenant);
    }

    /** Container-hours of the range with a usage row. */
    long usageRows(String tenant, MeteringRange range) {
        return count("select count(*) from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?",
                tenant, range);
    }

    /** Container-hours of the range whose flow is still unavailable (written, their traffic pending). */
    long unavailable(String tenant, MeteringRange range) {
        return count("""
                select count(*) from metering_exception
                 where tenant_id = ? and window_start >= ? and window_start < ?
                   and kind = 'flow_unavailable' and not resolved
                """, tenant, range);
    }

    /** Windows of the range already marked metered. */
    long meteredWindows(String tenant, MeteringRange range) {
        return count("select count(*) from metered_window where tenant_id = ? and window_start >= ? and window_start < ?",
                tenant, range);
    }

    /** Marks the range's windows metered by this run at {@code completedAt} (flowbill's clock, like every sighting). */
    void markMetered(String tenant, MeteringRange range, long runId, Instant completedAt) {
        List<Object[]> rows = range.windows().stream()
                .map(w -> new Object[] { tenant, Timestamp.from(w.start()), runId, tenant, Timestamp.from(w.start()),
                        Timestamp.from(completedAt) })
                .toList();
        jdbc.batchUpdate("""
                insert into metered_window (tenant_id, window_start, run_id, containers, completed_at)
                values (?, ?, ?, (select count(*) from usage_hour where tenant_id = ? and window_start = ?), ?)
                on conflict (tenant_id, window_start) do update
                  set run_id = excluded.run_id, containers = excluded.containers, completed_at = excluded.completed_at
                """, rows);
    }

    /**
     * The windows a recheck covers: from the first window metered at or after {@code since} to the end of the last
     * metered window. Empty when nothing was metered since then.
     */
    Optional<MeteringRange> recheckRange(String tenant, Instant since) {
        return jdbc.query("""
                select min(window_start), max(window_start) from metered_window where tenant_id = ? and window_start >= ?
                """, rs -> {
            rs.next();
            Timestamp first = rs.getTimestamp(1);
            return first == null ? Optional.<MeteringRange>empty()
                    : Optional.of(new MeteringRange(first.toInstant(),
                            rs.getTimestamp(2).toInstant().plus(UsageWindow.LENGTH)));
        }, tenant, Timestamp.from(since));
    }

    /** Container-hours of the range whose traffic is pending. */
    long pending(String tenant, MeteringRange range) {
        return count("""
                select count(*) from usage_hour
                 where tenant_id = ? and window_start >= ? and window_start < ? and traffic_pending
                """, tenant, range);
    }

    /**
     * Containers first seen after a window of the range was closed, alive in it and without its hour: found late
     * (a first run's paging missed them, or a scan found them after the window was metered).
     */
    long lateContainers(String tenant, MeteringRange range) {
        return count("""
                select count(*) from container c
                 where c.tenant_id = ? and c.first_seen_at >= ? and c.created_at < ?
                   and exists (select 1 from metered_window m
                                where m.tenant_id = c.tenant_id and m.window_start >= ? and m.window_start < ?
                                  and m.completed_at < c.first_seen_at
                                  and m.window_start + interval '1 hour' > c.created_at
                                  and (c.gone_at is null or c.last_seen_at > m.window_start)
                                  and not exists (select 1 from usage_hour u where u.tenant_id = c.tenant_id
                                                   and u.container_id = c.container_id and u.window_start = m.window_start))
                """, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()), Timestamp.from(range.from()),
                Timestamp.from(range.to()));
    }

    private long count(String sql, String tenant, MeteringRange range) {
        return count(sql, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
