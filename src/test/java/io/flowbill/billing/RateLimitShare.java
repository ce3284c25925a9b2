package io.flowbill.billing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.SandboxServer;

/**
 * Answers about {@code share} of a sandbox's requests with its own rate-limit answer (403/4030001), spread over the
 * run: the sandbox has this fault only as a countdown, so a watcher tops the countdown up as requests arrive.
 */
final class RateLimitShare implements AutoCloseable {

    private final SandboxServer sandbox;
    private final double share;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-rate-limit");
        thread.setDaemon(true);
        return thread;
    });
    private long planned;

    private RateLimitShare(SandboxServer sandbox, double share) {
        this.sandbox = sandbox;
        this.share = share;
    }

    static RateLimitShare start(SandboxServer sandbox, double share) {
        RateLimitShare limits = new RateLimitShare(sandbox, share);
        limits.watcher.scheduleWithFixedDelay(limits::topUp, 0, 5, TimeUnit.MILLISECONDS);
        return limits;
    }

    private synchronized void topUp() {
        long due = (long) (sandbox.stats().totalRequests() * share);
        if (due > planned && sandbox.faults().pendingFailures() == 0) {
            sandbox.faults().failNext(1, Fault.RATE_LIMITED);
            planned++;
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
