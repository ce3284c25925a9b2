package io.flowbill.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.flowbill.containerapi.ContainerApiClient;

/**
 * The container API's own limit as flowbill's HTTP client sees it: flow calls in a minimal loop with the same
 * client, concurrency and latency as metering, and no batch machinery.
 */
final class ApiBound {

    private ApiBound() {
    }

    /** Calls per second reached by {@code calls} flow calls over {@code ids}, keeping {@code concurrency} in flight. */
    static double flowCallsPerSecond(ContainerApiClient client, List<Long> ids, int calls, int concurrency,
            Instant from, Instant to) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            inFlight.acquire();
            futures[i] = client.flowAsync(ids.get(i % ids.size()), from, to).whenComplete((flow, failure) -> inFlight.release());
        }
        CompletableFuture.allOf(futures).join();
        return calls / ((System.nanoTime() - start) / 1e9);
    }
}
