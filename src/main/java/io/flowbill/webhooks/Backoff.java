package io.flowbill.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before a delivery's next attempt: {@code initial} after the first failure, doubling after each further
 * one, capped at {@code max}, then jittered to between half and all of it (so receivers that were down together are
 * not retried together).
 */
record Backoff(Duration initial, Duration max, DoubleSupplier jitter) {

    /** The wait after {@code failedAttempts} (1 or more) failed attempts. */
    Duration after(int failedAttempts) {
        long initialMillis = initial.toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long capped = initialMillis > max.toMillis() >> doublings ? max.toMillis() : initialMillis << doublings;
        double factor = 0.5 + 0.5 * Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(Math.round(capped * factor));
    }
}
