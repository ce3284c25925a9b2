package io.flowbill.metrics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * {@code flowbill_last_run_timestamp_seconds}, {@code flowbill_last_success_timestamp_seconds} and
 * {@code flowbill_last_failure_timestamp_seconds} per {@code job_name} and {@code tenant} (the job's {@code tenant}
 * parameter; {@code none} for a job without one): when each tenant's job last started, last completed and last
 * failed, read from Spring Batch's job repository rather than remembered in memory. So a process that just started,
 * and every one-shot push, reports them, a failed one-shot run shows as {@code last_failure > last_success} although
 * its own process never saw an earlier run, and a tenant whose runs all fail shows so while another tenant's
 * succeed. A job without such an execution reports 0; every job of the context is reported for every configured
 * account, also one that never ran. The times only grow, so of several sources the highest is the newest.
 */
class JobRunGauges {

    static final String LAST_RUN = "flowbill.last.run.timestamp";
    static final String LAST_SUCCESS = "flowbill.last.success.timestamp";
    static final String LAST_FAILURE = "flowbill.last.failure.timestamp";

    /** A stopped execution (shutdown, restartable) is neither a success nor a failure. */
    private static final String LAST_TIMES = """
            select i.job_name, p.parameter_value, max(e.start_time),
                   max(e.end_time) filter (where e.status = 'COMPLETED'),
                   max(coalesce(e.end_time, e.last_updated)) filter (where e.status in ('FAILED', 'ABANDONED'))
              from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
              left join batch_job_execution_params p
                on p.job_execution_id = e.job_execution_id and p.parameter_name = 'tenant'
             group by i.job_name, p.parameter_value
            """;

    /** One job of one tenant. */
    private record JobOfTenant(String job, String tenant) implements Comparable<JobOfTenant> {

        Tags tags() {
            return Tags.of("job_name", job, "tenant", tenant);
        }

        @Override
        public int compareTo(JobOfTenant other) {
            int byJob = job.compareTo(other.job);
            return byJob != 0 ? byJob : tenant.compareTo(other.tenant);
        }
    }

    private final JdbcTemplate jdbc;
    private final Collection<String> knownJobs;
    private final Collection<String> tenants;
    private final MultiGauge lastRun;
    private final MultiGauge lastSuccess;
    private final MultiGauge lastFailure;

    JobRunGauges(JdbcTemplate jdbc, MeterRegistry registry, Collection<String> knownJobs, Collection<String> tenants) {
        this.jdbc = jdbc;
        this.knownJobs = List.copyOf(knownJobs);
        this.tenants = List.copyOf(tenants);
        this.lastRun = gauge(registry, LAST_RUN, "Start of the tenant's job's last execution (Unix time; 0: never ran)");
        this.lastSuccess = gauge(registry, LAST_SUCCESS,
                "End of the tenant's job's last completed execution (Unix time; 0: never completed)");
        this.lastFailure = gauge(registry, LAST_FAILURE,
                "End of the tenant's job's last failed execution (Unix time; 0: never failed)");
    }

    /** Reads the three times of every job of every tenant again. */
    void refresh() {
        Map<JobOfTenant, double[]> times = new TreeMap<>();
        for (String job : knownJobs) {
            for (String tenant : tenants) {
                times.put(new JobOfTenant(job, tenant), new double[3]);
            }
        }
        // Spring Batch stores local date-times of the JVM's zone; Timestamp reads them back in the same zone
        jdbc.query(LAST_TIMES, rs -> {
            String tenant = rs.getString(2);
            double[] row = times.computeIfAbsent(new JobOfTenant(rs.getString(1), tenant == null ? Labels.NONE : tenant),
                    key -> new double[3]);
            row[0] = epochSeconds(rs.getTimestamp(3));
            row[1] = epochSeconds(rs.getTimestamp(4));
            row[2] = epochSeconds(rs.getTimestamp(5));
        });
        register(lastRun, times, 0);
        register(lastSuccess, times, 1);
        register(lastFailure, times, 2);
    }

    private static void register(MultiGauge gauge, Map<JobOfTenant, double[]> times, int column) {
        List<Row<?>> rows = new ArrayList<>();
        times.forEach((job, row) -> rows.add(Row.of(job.tags(), row[column])));
        gauge.register(rows, true);
    }
    private static double epochSeconds(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.toInstant().toEpochMilli() / 1000.0;
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).baseUnit("seconds").register(registry);
    }
}
