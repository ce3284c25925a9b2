package io.flowbill.metrics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * {@code flowbill_last_run_timestamp_seconds}, {@code flowbill_last_success_timestamp_seconds} and
 * {@code flowbill_last_failure_timestamp_seconds} per {@code job_name}: when each job last started, last completed
 * and last failed, read from Spring Batch's job repository rather than remembered in memory. So a process that just
 * started, and every one-shot push, reports them, and a failed one-shot run shows as
 * {@code last_failure > last_success} although its own process never saw an earlier run. A job without such an
 * execution reports 0; every job of the context is reported, also one that never ran.
 */
class JobRunGauges {

    static final String LAST_RUN = "flowbill.last.run.timestamp";
    static final String LAST_SUCCESS = "flowbill.last.success.timestamp";
    static final String LAST_FAILURE = "flowbill.last.failure.timestamp";

    /** A stopped execution (shutdown, restartable) is neither a success nor a failure. */
    private static final String LAST_TIMES = """
            select i.job_name, max(e.start_time),
                   max(e.end_time) filter (where e.status = 'COMPLETED'),
                   max(coalesce(e.end_time, e.last_updated)) filter (where e.status in ('FAILED', 'ABANDONED'))
              from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
             group by i.job_name
            """;

    private final JdbcTemplate jdbc;
    private final Collection<String> knownJobs;
    private final MultiGauge lastRun;
    private final MultiGauge lastSuccess;
    private final MultiGauge lastFailure;

    JobRunGauges(JdbcTemplate jdbc, MeterRegistry registry, Collection<String> knownJobs) {
        this.jdbc = jdbc;
        this.knownJobs = List.copyOf(knownJobs);
        this.lastRun = gauge(registry, LAST_RUN, "Start of the job's last execution (Unix time; 0: never ran)");
        this.lastSuccess = gauge(registry, LAST_SUCCESS,
                "End of the job's last completed execution (Unix time; 0: never completed)");
        this.lastFailure = gauge(registry, LAST_FAILURE,
                "End of the job's last failed execution (Unix time; 0: never failed)");
    }

    /** Reads the three times of every job again. */
    void refresh() {
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String job : new TreeSet<>(knownJobs)) {
            times.put(job, new double[3]);
        }
        // Spring Batch stores local date-times of the JVM's zone; Timestamp reads them back in the same zone
        jdbc.query(LAST_TIMES, rs -> {
            double[] row = times.computeIfAbsent(rs.getString(1), job -> new double[3]);
            row[0] = epochSeconds(rs.getTimestamp(2));
            row[1] = epochSeconds(rs.getTimestamp(3));
            row[2] = epochSeconds(rs.getTimestamp(4));
        });
        register(lastRun, times, 0);
        register(lastSuccess, times, 1);
        register(lastFailure, times, 2);
    }

    private static void register(MultiGauge gauge, Map<String, double[]> times, int column) {
        List<Row<?>> rows = new ArrayList<>();
        times.forEach((job, row) -> rows.add(Row.of(Tags.of("job_name", job), row[column])));
        gauge.register(rows, true);
    }

    private static double epochSeconds(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.toInstant().toEpochMilli() / 1000.0;
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).baseUnit("seconds").register(registry);
    }
}
