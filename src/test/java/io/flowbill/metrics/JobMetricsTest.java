package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final JobRunGauges lastSuccess = mock(JobRunGauges.class);
    final JobMetrics metrics = new JobMetrics(registry, lastSuccess, java.util.List.of("acme", "globex"));

    @Test
    void aFailedExecutionIsTimedUnderItsTenantAndStatusWithTheItemsOfItsSteps() {
        JobExecution execution = new JobExecution(1L, new JobInstance(1L, "meteringJob"),
                new JobParametersBuilder().addString("tenant", "globex").toJobParameters());
        execution.setStatus(BatchStatus.FAILED);
        StepExecution flow = new StepExecution(2L, "flowStep", execution);
        flow.setReadCount(120);
        flow.setWriteCount(100);
        flow.setProcessSkipCount(3);
        execution.addStepExecution(flow);

        metrics.beforeJob(execution);
        metrics.afterJob(execution);

        assertThat(registry.get(JobMetrics.DURATION).tags("job_name", "meteringJob", "tenant", "globex", "status",
                "FAILED").timer().count()).as("failed meteringJob runs of globex").isEqualTo(1);
        assertThat(registry.find(JobMetrics.DURATION).tags("job_name", "meteringJob", "tenant", "acme").timers())
                .as("meteringJob series of acme").isEmpty();
        assertThat(registry.get(JobMetrics.ITEMS_READ).tags("step_name", "flowStep").counter().count()).isEqualTo(120);
        assertThat(registry.get(JobMetrics.ITEMS_WRITTEN).tags("step_name", "flowStep").counter().count()).isEqualTo(100);
        assertThat(registry.get(JobMetrics.ITEMS_SKIPPED).tags("step_name", "flowStep").counter().count()).isEqualTo(3);
        verify(lastSuccess).refresh();
    }

    @Test
    void everyStatusOfAJobAndEveryItemCounterOfItsStepsExistsAtZeroBeforeItsFirstRun() {
        SimpleJob job = new SimpleJob("ratingJob");
        job.addStep(step("ratingResetStep"));
        job.addStep(step("ratingStep"));

        metrics.registerAtZero(job);

        for (String tenant : new String[] { "acme", "globex" }) {
            for (String status : new String[] { "COMPLETED", "FAILED", "STOPPED" }) {
                assertThat(registry.get(JobMetrics.DURATION).tags("job_name", "ratingJob", "tenant", tenant, "status",
                        status).timer().count()).as("runs of ratingJob of %s with status %s", tenant, status).isZero();
            }
        }
        for (String step : new String[] { "ratingResetStep", "ratingStep" }) {
            for (String name : new String[] { JobMetrics.ITEMS_READ, JobMetrics.ITEMS_WRITTEN, JobMetrics.ITEMS_SKIPPED }) {
                assertThat(registry.get(name).tags("job_name", "ratingJob", "step_name", step).counter().count())
                        .as("%s of %s", name, step).isZero();
            }
        }
    }

    @Test
    void theWorkersOfAPartitionedStepAreCountedOnceThroughTheirManagerStep() {
        JobExecution execution = execution("ratingJob", BatchStatus.COMPLETED);
        StepExecution manager = new StepExecution(2L, "ratingStep", execution);
        manager.setReadCount(30);
        execution.addStepExecution(manager);
        for (long partition = 0; partition < 3; partition++) {
            StepExecution worker = new StepExecution(3L + partition, "ratingPartitionStep:partition" + partition,
                    execution);
            worker.setReadCount(10);
            execution.addStepExecution(worker);
        }

        metrics.beforeJob(execution);
        metrics.afterJob(execution);

        assertThat(registry.find(JobMetrics.ITEMS_READ).counters()).as("item read counters")
                .singleElement().satisfies(counter -> {
                    assertThat(counter.getId().getTag("step_name")).isEqualTo("ratingStep");
                    assertThat(counter.count()).isEqualTo(30);
                });
    }

    @Test
    void aMetricsFailureLeavesTheJobAlone() {
        JobExecution execution = execution("ratingJob", BatchStatus.COMPLETED);
        doThrow(new IllegalStateException("database gone")).when(lastSuccess).refresh();

        metrics.beforeJob(execution);
        metrics.afterJob(execution);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(registry.get(JobMetrics.DURATION).tags("status", "COMPLETED").timer().count()).isEqualTo(1);
    }

    private static Step step(String name) {
        Step step = mock(Step.class);
        when(step.getName()).thenReturn(name);
        return step;
    }

    private static JobExecution execution(String job, BatchStatus status) {
        JobExecution execution = new JobExecution(1L, new JobInstance(1L, job), new JobParameters());
        execution.setStatus(status);
        return execution;
    }
}
