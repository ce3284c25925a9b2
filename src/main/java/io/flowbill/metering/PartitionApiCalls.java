package io.flowbill.metering;

import java.util.Collection;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.flowbill.containerapi.ContainerApiStats;

/**
 * The API calls and retries of a partition run with a client of its own (in a worker), kept in the partition's
 * execution context, saved with every chunk: a partition given to another worker after its worker died goes on
 * counting from the last chunk saved; a partition resumed by a later run (a new step execution, its context copied)
 * starts again from 0, as the registry count of a run in one process does.
 */
final class PartitionApiCalls {

    static final String CALLS = "flow.api-calls";
    static final String RETRIES = "flow.api-retries";
    static final String COUNTED_BY = "flow.api-calls-of";

    private final long stepExecutionId;
    private long callsBefore;
    private long retriesBefore;

    PartitionApiCalls(long stepExecutionId) {
        this.stepExecutionId = stepExecutionId;
    }

    void open(ExecutionContext context) {
        if (context.getLong(COUNTED_BY, -1L) == stepExecutionId) {
            callsBefore = context.getLong(CALLS, 0L);
            retriesBefore = context.getLong(RETRIES, 0L);
        }
    }

    void save(ExecutionContext context, ContainerApiStats client) {
        context.putLong(COUNTED_BY, stepExecutionId);
        context.putLong(CALLS, callsBefore + client.calls());
        context.putLong(RETRIES, retriesBefore + client.retries());
    }

    /** The calls and retries the partitions among {@code steps} counted in their contexts during their run. */
    static ApiCallCount of(Collection<StepExecution> steps, String tenant) {
        long calls = 0;
        long retries = 0;
        for (StepExecution step : steps) {
            ExecutionContext context = step.getExecutionContext();
            if (context.getLong(COUNTED_BY, -1L) == step.getId()) {
                calls += context.getLong(CALLS, 0L);
                retries += context.getLong(RETRIES, 0L);
            }
        }
        return new ApiCallCount(calls, retries, tenant);
    }
}
