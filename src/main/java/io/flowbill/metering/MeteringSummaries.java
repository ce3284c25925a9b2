package io.flowbill.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds a run's summary from what the run wrote (rows carry the run id) and the inventory's figures. */
@Component
class MeteringSummaries {

    private final JdbcTemplate jdbc;

    MeteringSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    MeteringSummary alreadyMetered(MeteringRange range) {
        return new MeteringSummary(range, true, 0, range.windowCount(), 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0,
                Duration.ZERO);
    }

    MeteringSummary of(String tenant, MeteringRange range, JobExecution execution, ApiCallCount calls,
            Duration elapsed) {
        long runId = execution.getId();
        Timestamp from = Timestamp.from(range.from());
        Timestamp to = Timestamp.from(range.to());
        Map<String, Object> usage = jdbc.queryForMap("""
                select count(*) as rows, count(distinct container_id) as containers,
                       count(*) filter (where inferred) as inferred
                  from usage_hour where tenant_id = ? and window_start >= ? and window_start < ? and run_id = ?
                """, tenant, from, to, runId);
        Map<String, Long> exceptions = new LinkedHashMap<>();
        jdbc.query("""
                select kind, count(*) from metering_exception
                 where tenant_id = ? and run_id = ? and not resolved
                   and ((window_start >= ? and window_start < ?) or kind = 'lifetime_unknown')
                 group by kind order by kind
                """, rs -> {
            exceptions.put(rs.getString(1), rs.getLong(2));
        }, tenant, runId, from, to);
        Long revised = jdbc.queryForObject("select count(*) from usage_revision where tenant_id = ? and run_id = ?",
                Long.class, tenant, runId);
        ExecutionContext context = execution.getExecutionContext();
        return new MeteringSummary(range, false, runId, range.windowCount(), number(usage.get("containers")),
                number(usage.get("rows")), calls.calls(), calls.retries(), exceptions, number(usage.get("inferred")),
                revised == null ? 0 : revised, context.getLong(InventoryTasklet.SCAN + ".reported", 0L),
                context.getInt(InventoryTasklet.SCAN + ".collected", 0), context.getInt(InventoryTasklet.SCAN + ".gone", 0),
                context.getInt(InventoryTasklet.SCAN + ".passes", 0), elapsed);
    }

    /** Hours a recheck run wrote that were not pending before: those of containers found late. */
    long lateHours(String tenant, MeteringRange range, long runId, long pendingBefore) {
        Long written = jdbc.queryForObject("""
                select count(*) from usage_hour where tenant_id = ? and window_start >= ? and window_start < ? and run_id = ?
                """, Long.class, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()), runId);
        Long cured = jdbc.queryForObject("""
                select count(*) from metering_exception
                 where tenant_id = ? and window_start >= ? and window_start < ? and resolved
                   and kind in ('flow_unavailable', 'malformed_flow', 'implausible_flow')
                   and exists (select 1 from usage_hour u where u.tenant_id = metering_exception.tenant_id
                                and u.container_id = metering_exception.container_id
                                and u.window_start = metering_exception.window_start and u.run_id = ?)
                """, Long.class, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()), runId);
        return Math.max(0, (written == null ? 0 : written) - (cured == null ? 0 : cured));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
