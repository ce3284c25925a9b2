package io.flowbill.metering;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counts what a range holds and marks its windows metered. */
@Repository
class WindowStore {

    private final JdbcTemplate jdbc;

    WindowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Container-hours of the range with a usage row. */
    long usageRows(String tenant, MeteringRange range) {
        return count("select count(*) from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?",
                tenant, range);
    }

    /** Container-hours of the range whose flow is still unavailable (no usage row yet). */
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

    void markMetered(String tenant, MeteringRange range, long runId) {
        List<Object[]> rows = range.windows().stream()
                .map(w -> new Object[] { tenant, Timestamp.from(w.start()), runId, tenant, Timestamp.from(w.start()) })
                .toList();
        jdbc.batchUpdate("""
                insert into metered_window (tenant_id, window_start, run_id, containers, completed_at)
                values (?, ?, ?, (select count(*) from usage_hour where tenant_id = ? and window_start = ?), now())
                on conflict (tenant_id, window_start) do update
                  set run_id = excluded.run_id, containers = excluded.containers, completed_at = excluded.completed_at
                """, rows);
    }

    private long count(String sql, String tenant, MeteringRange range) {
        Long n = jdbc.queryForObject(sql, Long.class, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()));
        return n == null ? 0 : n;
    }
}
