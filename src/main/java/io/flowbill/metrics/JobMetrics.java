package io.flowbill.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of every batch job execution in this process, registered on each job by {@link MetricsConfiguration}:
 * its duration by job, tenant (its {@code tenant} parameter) and final status, the items its steps read, wrote and skipped, and (after each execution) the
 * last run, success and failure of every job as the job repository records them. The label is {@code job_name},
 * not {@code job}: Prometheus and the Pushgateway own the {@code job} label and would overwrite or rename it.
 *
 * <p>Every series of a known job, its steps, its final statuses and the configured accounts exists at 0 from the start
 * ({@link #registerAtZero}), so that {@code increase()} counts the first run after a start. A partitioned step's
 * workers ({@code step:partitionN}) are not counted apart: their manager step already holds their sum.
 */
class JobMetrics implements JobExecutionListener {

    static final String DURATION = "flowbill.job.duration";
    static final String ITEMS_READ = "flowbill.step.items.read";
    static final String ITEMS_WRITTEN = "flowbill.step.items.written";
    static final String ITEMS_SKIPPED = "flowbill.step.items.skipped";
    /** The job parameter that names the tenant a run is for (every flowbill job has one). */
    static final String TENANT = "tenant";

    /** The final statuses a job execution is counted under from the start. */
    static final List<BatchStatus> KNOWN_STATUSES = List.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED);

    private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

    private final MeterRegistry registry;
    private final JobRunGauges lastRuns;
    private final List<String> tenants;
    private final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, JobRunGauges lastRuns, List<String> tenants) {
        this.registry = registry;
        this.lastRuns = lastRuns;
        this.tenants = List.copyOf(tenants);
    }

    /** Creates the job's duration series of every known status and tenant and its steps' item counters, all at 0. */
    void registerAtZero(AbstractJob job) {
        for (BatchStatus status : KNOWN_STATUSES) {
            for (String tenant : tenants) {
                timer(job.getName(), tenant, status);
            }
        }
        for (String step : job.getStepNames()) {
            if (!isPartition(step)) {
                items(ITEMS_READ, "Items the step read", job.getName(), step);
                items(ITEMS_WRITTEN, "Items the step wrote", job.getName(), step);
                items(ITEMS_SKIPPED, "Items the step skipped (read, process and write skips)", job.getName(), step);
            }
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        startedNanos.put(execution.getId(), System.nanoTime());
    }

    @Override
    public void afterJob(JobExecution execution) {
        // a metrics problem must never change the outcome of a billing job
        try {
            record(execution);
            lastRuns.refresh();
        }
        catch (RuntimeException e) {
            log.warn("recording the metrics of {} execution {} failed: {}", execution.getJobInstance().getJobName(),
                    execution.getId(), e.toString());
        }
    }

    private void record(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        Long started = startedNanos.remove(execution.getId());
        Duration elapsed = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        String tenant = execution.getJobParameters().getString(TENANT);
        timer(job, tenant == null ? Labels.NONE : tenant, execution.getStatus()).record(elapsed);
        for (StepExecution step : execution.getStepExecutions()) {
            String name = step.getStepName();
            if (isPartition(name)) {
                continue;
            }
            items(ITEMS_READ, "Items the step read", job, name).increment(step.getReadCount());
            items(ITEMS_WRITTEN, "Items the step wrote", job, name).increment(step.getWriteCount());
            items(ITEMS_SKIPPED, "Items the step skipped (read, process and write skips)", job, name)
                    .increment(step.getSkipCount());
        }
    }

    /** A worker execution of a partitioned step: Spring Batch names it {@code <step>:partition<n>}. */
    static boolean isPartition(String stepName) {
        return stepName.contains(":");
    }

    private Timer timer(String job, String tenant, BatchStatus status) {
        return Timer.builder(DURATION)
                .description("Batch job executions by tenant and final status, and how long they took")
                .tag("job_name", job)
                .tag("tenant", tenant)
                .tag("status", status.name())
                .register(registry);
    }

    private Counter items(String name, String description, String job, String step) {
        return Counter.builder(name)
                .description(description)
                .tag("job_name", job)
                .tag("step_name", step)
                .register(registry);
    }
}
