package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.flowbill.containerapi.ContainerApiStats;

/** A worker's partition counts its client's API calls in its context; the manager adds them up. */
class PartitionApiCallsTest {

    @Test
    void aPartitionRedeliveredToAnotherWorkerGoesOnCountingFromItsLastChunk() {
        ExecutionContext context = new ExecutionContext();
        PartitionApiCalls first = new PartitionApiCalls(7);
        first.open(context);
        first.save(context, stats(120, 3));

        // when: another worker's client starts from 0 on the same step execution
        PartitionApiCalls second = new PartitionApiCalls(7);
        second.open(context);
        second.save(context, stats(80, 1));

        assertThat(context.getLong(PartitionApiCalls.CALLS)).as("calls of step execution 7").isEqualTo(200);
        assertThat(context.getLong(PartitionApiCalls.RETRIES)).as("retries of step execution 7").isEqualTo(4);
    }

    @Test
    void aPartitionResumedByALaterRunCountsThatRunsCallsOnly() {
        ExecutionContext copied = new ExecutionContext();
        new PartitionApiCalls(7).save(copied, stats(120, 3));

        PartitionApiCalls resumed = new PartitionApiCalls(9);
        resumed.open(copied);
        resumed.save(copied, stats(30, 0));

        assertThat(copied.getLong(PartitionApiCalls.CALLS)).as("calls of step execution 9").isEqualTo(30);
    }

    @Test
    void theManagerAddsUpThePartitionsThatCountedInThisRun() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "meteringJob"), new JobParameters());
        StepExecution counted = partition(job, 11, 11, 500);
        StepExecution other = partition(job, 12, 11, 999); // a context copied from another run's partition
        StepExecution local = new StepExecution(13L, "flowPartitionStep:partition2", job);

        ApiCallCount sum = PartitionApiCalls.of(List.of(counted, other, local), "acme");

        assertThat(sum.calls()).as("calls of the partitions of this run").isEqualTo(500);
        assertThat(sum.retries()).isEqualTo(5);
    }

    private static StepExecution partition(JobExecution job, long id, long countedBy, long calls) {
        StepExecution step = new StepExecution(id, "flowPartitionStep:partition" + id, job);
        step.getExecutionContext().putLong(PartitionApiCalls.COUNTED_BY, countedBy);
        step.getExecutionContext().putLong(PartitionApiCalls.CALLS, calls);
        step.getExecutionContext().putLong(PartitionApiCalls.RETRIES, 5);
        return step;
    }

    private static ContainerApiStats stats(long calls, long retries) {
        return new ContainerApiStats(calls, calls, retries, 0, 0);
    }
}
