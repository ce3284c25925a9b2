package io.flowbill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * One phase of {@code bench --api}: {@code clients} threads, each calling its own {@link Walk} in a loop (following
 * its {@code next} cursor, from the start again after the last page) for a warm-up and then the measured time.
 * Latency is from a call's start to its answer read whole; requests, throughput and latencies count the calls that
 * started in the measured time, errors count every call of the phase, warm-up included.
 */
final class ApiLoad {

    /** One kind of request: asks for the page after {@code after} (null: the first) and gives the next one's cursor. */
    interface Walk {
        String page(String after) throws Exception;
    }

    /** What a phase measured; latencies in milliseconds. */
    record Result(String name, long requests, long errors, double requestsPerSecond, double p50Ms, double p99Ms,
            String firstError) {
    }

    private ApiLoad() {
    }

    /** Every page's cursor of a walk from the first page to the last, the first page's (null) first. */
    static List<String> starts(Walk walk) throws Exception {
        List<String> starts = new ArrayList<>();
        String after = null;
        do {
            starts.add(after);
            after = walk.page(after);
        } while (after != null);
        return starts;
    }

    /** Client {@code c} walks with {@code walks.apply(c)} from the page {@code starts.get(c % starts.size())}. */
    static Result run(String name, int clients, IntFunction<Walk> walks, List<String> starts, Duration warmUp,
            Duration measured) throws Exception {
        long begin = System.nanoTime();
        long measuredFrom = begin + warmUp.toNanos();
        long end = measuredFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(measuredFrom);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Future<List<Long>>> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int c = 0; c < clients; c++) {
                Walk walk = walks.apply(c);
                String start = starts.get(c % starts.size());
                latencies.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    String after = start;
                    for (long started = System.nanoTime(); started < end; started = System.nanoTime()) {
                        try {
                            after = walk.page(after);
                        }
                        catch (Exception | AssertionError e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                            after = null;
                        }
                        long answered = System.nanoTime();
                        if (started >= measuredFrom) {
                            mine.add(answered - started);
                            lastAnswer.accumulateAndGet(answered, Math::max);
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> client : latencies) {
                all.addAll(client.get());
            }
            Collections.sort(all);
            double seconds = Math.max(1, lastAnswer.get() - measuredFrom) / 1e9;
            return new Result(name, all.size(), errors.get(), all.size() / seconds, percentile(all, 50),
                    percentile(all, 99), firstError.get());
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** The nearest-rank percentile in milliseconds; 0 with no values. */
    static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.max(0, rank - 1)) / 1e6;
    }
}
