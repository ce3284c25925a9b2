package io.flowbill.metrics;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * {@code flowbill_job_last_success_timestamp_seconds{job_name}}: when each job last completed, read from Spring
 * Batch's job repository rather than remembered in memory, so every process (and every push, which replaces the
 * Pushgateway's group) reports it, also a run whose own jobs failed.
 */
class LastSuccessGauge {

    static final String NAME = "flowbill.job.last.success.timestamp";

    private static final String LAST_SUCCESS = """
            select i.job_name, max(e.end_time)
              from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id
             where e.status = 'COMPLETED' and e.end_time is not null
             group by i.job_name
            """;

    private final JdbcTemplate jdbc;
    private final MultiGauge gauge;

    LastSuccessGauge(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder(NAME)
                .description("End of the last completed execution of the job (Unix time)")
                .baseUnit("seconds")
                .register(registry);
    }

    void refresh() {
        // Spring Batch stores local date-times of the JVM's zone; Timestamp reads them back in the same zone
        List<Row<?>> rows = jdbc.query(LAST_SUCCESS, (rs, n) -> Row.of(Tags.of("job_name", rs.getString(1)),
                epochSeconds(rs.getTimestamp(2))));
        gauge.register(rows, true);
    }

    private static double epochSeconds(Timestamp timestamp) {
        return timestamp.toInstant().toEpochMilli() / 1000.0;
    }
}
