package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final LastSuccessGauge lastSuccess = mock(LastSuccessGauge.class);
    final JobMetrics metrics = new JobMetrics(registry, lastSuccess);

    @Test
    void aFailedExecutionIsTimedUnderItsStatusWithTheItemsOfItsSteps() {
        JobExecution execution = execution("meteringJob", BatchStatus.FAILED);
        StepExecution flow = new StepExecution(2L, "flowStep", execution);
        flow.setReadCount(120);
        flow.setWriteCount(100);
        flow.setProcessSkipCount(3);
        execution.addStepExecution(flow);

        metrics.beforeJob(execution);
        metrics.afterJob(execution);

        assertThat(registry.get(JobMetrics.DURATION).tags("job_name", "meteringJob", "status", "FAILED").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(JobMetrics.ITEMS_READ).tags("step_name", "flowStep").counter().count()).isEqualTo(120);
        assertThat(registry.get(JobMetrics.ITEMS_WRITTEN).tags("step_name", "flowStep").counter().count()).isEqualTo(100);
        assertThat(registry.get(JobMetrics.ITEMS_SKIPPED).tags("step_name", "flowStep").counter().count()).isEqualTo(3);
        verify(lastSuccess).refresh();
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

    private static JobExecution execution(String job, BatchStatus status) {
        JobExecution execution = new JobExecution(1L, new JobInstance(1L, job), new JobParameters());
        execution.setStatus(status);
        return execution;
    }
}
