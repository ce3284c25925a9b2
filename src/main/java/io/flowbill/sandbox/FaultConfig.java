package io.flowbill.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults a sandbox starts with; all off in {@link #none()}. Rates are probabilities per request in [0, 1].
 *
 * @param latency            added to every answer
 * @param latencyJitter      up to this much more, at random
 * @param rateLimitPerSecond requests per second (wall clock) above which the sandbox answers 403/4030001; 0 = off
 * @param serverErrorRate    500/5000001
 * @param unavailableRate    503/5030001
 * @param tooManyRequestsRate 429 with {@code Retry-After: retryAfterSeconds}
 * @param retryAfterSeconds  the {@code Retry-After} of a 429
 * @param malformedFlowRate  flow answers with a malformed value
 * @param dropConnectionRate connections closed without an answer
 * @param listChurnPerPage   containers deleted (before the page) and created (after the end) before each list page
 *                           with offset > 0
 */
public record FaultConfig(
        Duration latency,
        Duration latencyJitter,
        int rateLimitPerSecond,
        double serverErrorRate,
        double unavailableRate,
        double tooManyRequestsRate,
        int retryAfterSeconds,
        double malformedFlowRate,
        double dropConnectionRate,
        int listChurnPerPage) {

    public FaultConfig {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(latencyJitter, "latencyJitter");
        if (latency.isNegative() || latencyJitter.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        if (rateLimitPerSecond < 0 || retryAfterSeconds < 0 || listChurnPerPage < 0) {
            throw new IllegalArgumentException("rate limit, retry-after and churn cannot be negative");
        }
        for (double rate : new double[] {serverErrorRate, unavailableRate, tooManyRequestsRate, malformedFlowRate,
            dropConnectionRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a fault rate must be in [0, 1], was " + rate);
            }
        }
    }

    /** No faults. */
    public static FaultConfig none() {
        return new FaultConfig(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 1, 0, 0, 0);
    }

    public FaultConfig withLatency(Duration fixed, Duration jitter) {
        return new FaultConfig(fixed, jitter, rateLimitPerSecond, serverErrorRate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withRateLimitPerSecond(int perSecond) {
        return new FaultConfig(latency, latencyJitter, perSecond, serverErrorRate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withServerErrorRate(double rate) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, rate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withUnavailableRate(double rate) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, serverErrorRate, rate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withTooManyRequests(double rate, int retryAfter) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, serverErrorRate, unavailableRate,
                rate, retryAfter, malformedFlowRate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withMalformedFlowRate(double rate) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, serverErrorRate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, rate, dropConnectionRate, listChurnPerPage);
    }

    public FaultConfig withDropConnectionRate(double rate) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, serverErrorRate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, rate, listChurnPerPage);
    }

    public FaultConfig withListChurnPerPage(int perPage) {
        return new FaultConfig(latency, latencyJitter, rateLimitPerSecond, serverErrorRate, unavailableRate,
                tooManyRequestsRate, retryAfterSeconds, malformedFlowRate, dropConnectionRate, perPage);
    }
}
