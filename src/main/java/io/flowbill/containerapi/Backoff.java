package io.flowbill.containerapi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Delay before retry {@code n} (1-based): exponential, {@code initial * 2^(n-1)} capped at {@code max}, with "equal
 * jitter" (a random point in the upper half) so that thousands of calls failing together do not retry together.
 * A {@code Retry-After} from the server is a floor, itself capped at {@link #RETRY_AFTER_CAP}.
 */
final class Backoff {

    /** Longest wait a server's Retry-After can impose on one retry. */
    static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(5);

    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The ceiling of retry {@code n} before jitter. */
    Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based: " + retry);
        }
        long nanos = initialNanos;
        for (int i = 1; i < retry && nanos < maxNanos; i++) {
            nanos = nanos > maxNanos / 2 ? maxNanos : nanos * 2;
        }
        return Duration.ofNanos(Math.min(nanos, maxNanos));
    }

    /** The delay before retry {@code n}, in [ceiling/2, ceiling), at least {@code retryAfter} when given. */
    Duration delay(int retry, Duration retryAfter) {
        long ceiling = ceiling(retry).toNanos();
        long half = ceiling / 2;
        Duration jittered = Duration.ofNanos(half + (long) (random.getAsDouble() * (ceiling - half)));
        if (retryAfter == null) {
            return jittered;
        }
        Duration floor = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
        return floor.compareTo(jittered) > 0 ? floor : jittered;
    }
}
