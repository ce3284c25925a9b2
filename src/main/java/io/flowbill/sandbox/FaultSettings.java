package io.flowbill.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault switches of a running sandbox, changeable at any time from any thread.
 *
 * <p>Two kinds: rates ({@link #serverErrors}, {@link #rateLimit}, ... drawn per request from a seeded random), and
 * exact countdowns for tests: {@code failNext(3, Fault.SERVER_ERROR)} fails the next three requests,
 * {@code failNext(Endpoint.FLOW, 1, Fault.DROP_CONNECTION)} the next flow request; countdowns are used up in the
 * order given, before any rate is drawn. {@link #malformedFlowFor} makes one container's flow always malformed.
 */
public final class FaultSettings {

    /** A countdown: the next {@code remaining} requests to {@code endpoint} (null = any) fail with {@code fault}. */
    private static final class Planned {
        private final Endpoint endpoint;
        private final Fault fault;
        private int remaining;

        Planned(Endpoint endpoint, Fault fault, int remaining) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private volatile FaultConfig config;
    private final List<Planned> planned = new ArrayList<>();
    private final Map<Long, MalformedFlow> malformedContainers = new ConcurrentHashMap<>();

    FaultSettings(FaultConfig initial) {
        this.config = Objects.requireNonNull(initial, "initial");
    }

    /** The rates and switches now in force. */
    public FaultConfig current() {
        return config;
    }

    /** Replaces all rates and switches (countdowns and per-container faults stay). */
    public synchronized FaultSettings apply(FaultConfig newConfig) {
        config = Objects.requireNonNull(newConfig, "newConfig");
        return this;
    }

    /** Turns everything off, countdowns and per-container faults included. */
    public synchronized FaultSettings reset() {
        config = FaultConfig.none();
        planned.clear();
        malformedContainers.clear();
        return this;
    }

    public synchronized FaultSettings latency(Duration fixed, Duration jitter) {
        return apply(config.withLatency(fixed, jitter));
    }

    public synchronized FaultSettings rateLimit(int requestsPerSecond) {
        return apply(config.withRateLimitPerSecond(requestsPerSecond));
    }

    public synchronized FaultSettings serverErrors(double rate) {
        return apply(config.withServerErrorRate(rate));
    }

    public synchronized FaultSettings unavailable(double rate) {
        return apply(config.withUnavailableRate(rate));
    }

    public synchronized FaultSettings tooManyRequests(double rate, int retryAfterSeconds) {
        return apply(config.withTooManyRequests(rate, retryAfterSeconds));
    }

    public synchronized FaultSettings malformedFlows(double rate) {
        return apply(config.withMalformedFlowRate(rate));
    }

    public synchronized FaultSettings droppedConnections(double rate) {
        return apply(config.withDropConnectionRate(rate));
    }

    public synchronized FaultSettings listChurn(int containersPerPage) {
        return apply(config.withListChurnPerPage(containersPerPage));
    }

    /** The {@code Retry-After} seconds of injected 429 answers. */
    public int retryAfterSeconds() {
        return config.retryAfterSeconds();
    }

    /** Fails the next {@code count} requests (to any endpoint the fault applies to) with {@code fault}. */
    public FaultSettings failNext(int count, Fault fault) {
        return plan(null, count, fault);
    }

    /** Fails the next {@code count} requests to {@code endpoint} with {@code fault}. */
    public FaultSettings failNext(Endpoint endpoint, int count, Fault fault) {
        return plan(Objects.requireNonNull(endpoint, "endpoint"), count, fault);
    }

    /** How many planned failures are still to come. */
    public synchronized int pendingFailures() {
        return planned.stream().mapToInt(plan -> plan.remaining).sum();
    }

    /** Makes every flow answer of this container malformed this way; null clears it. */
    public FaultSettings malformedFlowFor(long containerId, MalformedFlow kind) {
        if (kind == null) {
            malformedContainers.remove(containerId);
        } else {
            malformedContainers.put(containerId, kind);
        }
        return this;
    }

    MalformedFlow malformedFlowOf(long containerId) {
        return malformedContainers.get(containerId);
    }

    /**
     * Uses up the first planned fault for this endpoint: the malformed-flow kind when {@code malformedPhase},
     * the others when not. Null if none.
     */
    synchronized Fault takePlanned(Endpoint endpoint, boolean malformedPhase) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext();) {
            Planned plan = it.next();
            boolean malformed = plan.fault == Fault.MALFORMED_FLOW;
            boolean endpointMatches = plan.endpoint == null || plan.endpoint == endpoint;
            if (endpointMatches && malformed == malformedPhase && (!malformed || endpoint == Endpoint.FLOW)) {
                if (--plan.remaining == 0) {
                    it.remove();
                }
                return plan.fault;
            }
        }
        return null;
    }

    private synchronized FaultSettings plan(Endpoint endpoint, int count, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative: " + count);
        }
        if (count > 0) {
            planned.add(new Planned(endpoint, fault, count));
        }
        return this;
    }
}
