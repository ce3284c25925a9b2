package io.flowbill.metering;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.flowbill.containerapi.ContainerApiClient;

/**
 * The flow step's reader: reads container-hours and starts their flow calls up to {@code lookahead} items ahead
 * of what the step has consumed. Spring Batch 6 reads, processes and writes a chunk on one thread, so without this
 * the API would sit idle while a chunk is written; with it the next chunk's calls are already in flight. Calls
 * started but not written when a run dies are simply read again by the next run (progress lives in the data).
 * <p>
 * A partition with an API client of its own (in a worker) saves that client's calls and retries in its execution
 * context with every chunk ({@link PartitionApiCalls}), so the manager's summary and progress count them.
 */
class FlowCallReader implements ItemStreamReader<CompletableFuture<MeteredHour>> {

    private final ContainerHourReader hours;
    private final FlowFetcher fetcher;
    private final int lookahead;
    private final Deque<CompletableFuture<MeteredHour>> started = new ArrayDeque<>();
    private final ContainerApiClient owned;
    private final PartitionApiCalls counted;
    private boolean exhausted;

    FlowCallReader(ContainerHourReader hours, FlowFetcher fetcher, int lookahead) {
        this(hours, fetcher, lookahead, null, 0);
    }

    /**
     * {@code owned}: a partition's own API client in a worker, whose calls are counted in the context of the step
     * execution {@code stepExecutionId} and which is closed with the reader; or null.
     */
    FlowCallReader(ContainerHourReader hours, FlowFetcher fetcher, int lookahead, ContainerApiClient owned,
            long stepExecutionId) {
        this.owned = owned;
        this.counted = owned == null ? null : new PartitionApiCalls(stepExecutionId);
        this.hours = hours;
        this.fetcher = fetcher;
        this.lookahead = Math.max(1, lookahead);
    }

    @Override
    public CompletableFuture<MeteredHour> read() throws Exception {
        while (!exhausted && started.size() < lookahead) {
            ContainerHour hour = hours.read();
            if (hour == null) {
                exhausted = true;
            }
            else {
                started.add(fetcher.process(hour));
            }
        }
        return started.poll();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        hours.open(executionContext);
        if (counted != null) {
            counted.open(executionContext);
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        hours.update(executionContext);
        if (counted != null) {
            counted.save(executionContext, owned.stats());
        }
    }

    @Override
    public void close() {
        started.forEach(call -> call.cancel(false));
        started.clear();
        hours.close();
        if (owned != null) {
            try {
                owned.close();
            }
            catch (Exception e) {
                throw new IllegalStateException("could not close the partition's API client", e);
            }
        }
    }
}
