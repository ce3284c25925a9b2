package io.flowbill.metering;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The flow step's reader: reads container-hours and starts their flow calls up to {@code lookahead} items ahead
 * of what the step has consumed. Spring Batch 6 reads, processes and writes a chunk on one thread, so without this
 * the API would sit idle while a chunk is written; with it the next chunk's calls are already in flight. Calls
 * started but not written when a run dies are simply read again by the next run (progress lives in the data).
 */
class FlowCallReader implements ItemStreamReader<CompletableFuture<MeteredHour>> {

    private final ContainerHourReader hours;
    private final FlowFetcher fetcher;
    private final int lookahead;
    private final Deque<CompletableFuture<MeteredHour>> started = new ArrayDeque<>();
    private final AutoCloseable owned;
    private boolean exhausted;

    FlowCallReader(ContainerHourReader hours, FlowFetcher fetcher, int lookahead) {
        this(hours, fetcher, lookahead, null);
    }

    /** {@code owned}: closed with the reader (a partition's own API client in a worker), or null. */
    FlowCallReader(ContainerHourReader hours, FlowFetcher fetcher, int lookahead, AutoCloseable owned) {
        this.owned = owned;
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
