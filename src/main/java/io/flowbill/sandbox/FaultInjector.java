package io.flowbill.sandbox;

import java.util.Random;
import java.util.function.LongSupplier;

/** Decides, per request, which fault of the {@link FaultSettings} happens. Thread-safe. */
final class FaultInjector {

    private static final MalformedFlow[] MALFORMED = MalformedFlow.values();

    private final FaultSettings settings;
    private final Random random;
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);

    FaultInjector(FaultSettings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed ^ 0xFA17L);
    }

    FaultSettings settings() {
        return settings;
    }

    /** The added latency of this request, in milliseconds. */
    long latencyMillis() {
        FaultConfig config = settings.current();
        long jitter = config.latencyJitter().toMillis();
        return config.latency().toMillis() + (jitter > 0 ? (long) (random.nextDouble() * (jitter + 1)) : 0);
    }

    /** The fault that replaces this request's answer, or null. */
    Fault before(Endpoint endpoint) {
        Fault plannedFault = settings.takePlanned(endpoint, false);
        if (plannedFault != null) {
            return plannedFault;
        }
        FaultConfig config = settings.current();
        if (config.rateLimitPerSecond() > 0 && !rateLimiter.tryAcquire(config.rateLimitPerSecond())) {
            return Fault.RATE_LIMITED;
        }
        if (roll(config.dropConnectionRate())) {
            return Fault.DROP_CONNECTION;
        }
        if (roll(config.serverErrorRate())) {
            return Fault.SERVER_ERROR;
        }
        if (roll(config.unavailableRate())) {
            return Fault.SERVICE_UNAVAILABLE;
        }
        if (roll(config.tooManyRequestsRate())) {
            return Fault.TOO_MANY_REQUESTS;
        }
        return null;
    }

    /** How a successful flow answer of this container is to be malformed, or null to leave it alone. */
    MalformedFlow malformedFlow(long containerId) {
        MalformedFlow fixed = settings.malformedFlowOf(containerId);
        if (fixed != null) {
            return fixed;
        }
        if (settings.takePlanned(Endpoint.FLOW, true) != null || roll(settings.current().malformedFlowRate())) {
            return MALFORMED[random.nextInt(MALFORMED.length)];
        }
        return null;
    }

    Random random() {
        return random;
    }

    private boolean roll(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    /** Counts requests per wall-clock second; answers false once the limit of the current second is reached. */
    static final class RateLimiter {
        private final LongSupplier nanoTime;
        private long second = Long.MIN_VALUE;
        private int count;

        RateLimiter(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
        }

        synchronized boolean tryAcquire(int limit) {
            long now = Math.floorDiv(nanoTime.getAsLong(), 1_000_000_000L);
            if (now != second) {
                second = now;
                count = 0;
            }
            return ++count <= limit;
        }
    }
}
