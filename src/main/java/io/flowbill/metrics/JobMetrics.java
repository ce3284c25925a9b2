package io.flowbill.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of every batch job execution in this process, registered on each job by {@link MetricsConfiguration}:
 * its duration by job and final status, the items its steps read, wrote and skipped, and (after each execution) the
 * last success of every job as the job repository records it. The label is {@code job_name}, not {@code job}:
 * Prometheus and the Pushgateway own the {@code job} label and would overwrite or rename it.
 */
class JobMetrics implements JobExecutionListener {

    static final String DURATION = "flowbill.job.duration";
    static final String ITEMS_READ = "flowbill.step.items.read";
    static final String ITEMS_WRITTEN = "flowbill.step.items.written";
    static final String ITEMS_SKIPPED = "flowbill.step.items.skipped";

    private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

    private final MeterRegistry registry;
    private final LastSuccessGauge lastSuccess;
    private final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, LastSuccessGauge lastSuccess) {
        this.registry = registry;
        this.lastSuccess = lastSuccess;
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
            lastSuccess.refresh();
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
        Timer.builder(DURATION)
                .description("Batch job executions by final status, and how long they took")
                .tag("job_name", job)
                .tag("status", execution.getStatus().name())
                .register(registry)
                .record(elapsed);
        for (StepExecution step : execution.getStepExecutions()) {
            items(ITEMS_READ, "Items the step read", job, step).increment(step.getReadCount());
            items(ITEMS_WRITTEN, "Items the step wrote", job, step).increment(step.getWriteCount());
            items(ITEMS_SKIPPED, "Items the step skipped (read, process and write skips)", job, step)
                    .increment(step.getSkipCount());
        }
    }

    private Counter items(String name, String description, String job, StepExecution step) {
        return Counter.builder(name)
                .description(description)
                .tag("job_name", job)
                .tag("step_name", step.getStepName())
                .register(registry);
    }
}
