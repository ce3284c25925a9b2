package io.flowbill.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per caller: each holds up to {@code burst} requests and refills at {@code perSecond}; a request
 * takes one. A caller with an empty bucket is told how long until it holds one again. {@code perSecond} 0 limits
 * nothing.
 */
final class RequestLimits {

    private record Bucket(double tokens, Instant at) {
    }

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestLimits(double perSecond, int burst, Clock clock) {
        if (perSecond < 0 || burst < 1) {
            throw new IllegalArgumentException("perSecond >= 0 and burst >= 1, got " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request of {@code caller}'s bucket: empty when it may go on, else how long until it may. */
    Optional<Duration> take(String caller) {
        if (perSecond == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration[] wait = { null };
        buckets.compute(caller, (name, bucket) -> {
            double tokens = bucket == null ? burst : refilled(bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    private double refilled(Bucket bucket, Instant now) {
        double seconds = Math.max(0, Duration.between(bucket.at(), now).toNanos() / 1e9);
        return Math.min(burst, bucket.tokens() + seconds * perSecond);
    }

    /** The {@code Retry-After} header's value: whole seconds, rounded up, at least 1. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
