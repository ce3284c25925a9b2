package io.flowbill.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import io.flowbill.containerapi.Container;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerPage;

/**
 * The container API's own limit as flowbill's HTTP client sees it: flow calls in a minimal loop with the same
 * client, concurrency and latency as metering, and no batch machinery. Memory stays flat: ids in an array,
 * completions counted, no list of futures.
 */
final class ApiBound {

    /** Stop warming up when a pass is within this share of the one before. */
    static final double STEADY = 0.05;

    /** Warm-up passes at most; at least two, to compare. */
    static final int MAX_WARM_UP_PASSES = 8;

    /** The warm-up done: passes of {@code callsPerPass} calls, the last pass's rate, and whether it settled. */
    record WarmUp(int passes, int callsPerPass, double lastCallsPerSecond, boolean steady) {
    }

    private ApiBound() {
    }

    /** The ids of the first {@code count} containers of the list, paged 256 pages at a time. */
    static long[] someIds(ContainerApiClient client, int count) {
        long[] ids = new long[count];
        int found = 0;
        int pageSize = ContainerApiClient.MAX_PAGE_SIZE;
        boolean more = true;
        for (int offset = 0; more && found < count; ) {
            List<CompletableFuture<ContainerPage>> wave = new ArrayList<>();
            for (int i = 0; i < 256 && offset < count; i++, offset += pageSize) {
                wave.add(client.listAsync(pageSize, offset));
            }
            for (CompletableFuture<ContainerPage> page : wave) {
                List<Container> containers = page.join().containers();
                more &= !containers.isEmpty();
                for (Container container : containers) {
                    if (found < count) {
                        ids[found++] = container.id();
                    }
                }
            }
        }
        return Arrays.copyOf(ids, found);
    }

    /**
     * Warms both JVMs up (JIT, connections) as metering finds them after its inventory scan: passes of
     * {@code callsPerPass} flow calls until a pass's rate is within {@link #STEADY} of the one before, at most
     * {@link #MAX_WARM_UP_PASSES} passes.
     */
    static WarmUp warmUp(ContainerApiClient client, long[] ids, int callsPerPass, int concurrency, Instant from,
            Instant to) throws InterruptedException {
        double previous = flowCallsPerSecond(client, ids, callsPerPass, concurrency, from, to);
        for (int pass = 2; ; pass++) {
            double rate = flowCallsPerSecond(client, ids, callsPerPass, concurrency, from, to);
            boolean steady = Math.abs(rate - previous) <= STEADY * previous;
            if (steady || pass == MAX_WARM_UP_PASSES) {
                return new WarmUp(pass, callsPerPass, rate, steady);
            }
            previous = rate;
        }
    }

    /** Calls per second reached by {@code calls} flow calls over {@code ids}, keeping {@code concurrency} in flight. */
    static double flowCallsPerSecond(ContainerApiClient client, long[] ids, int calls, int concurrency,
            Instant from, Instant to) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(calls);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            inFlight.acquire();
            client.flowAsync(ids[i % ids.length], from, to).whenComplete((flow, failure) -> {
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        return calls / ((System.nanoTime() - start) / 1e9);
    }
}
