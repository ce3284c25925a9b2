package io.flowbill.containerapi;

import java.util.function.LongSupplier;

/**
 * Client-side request rate limit that never blocks: {@link #reserve()} books the next free slot and says how long to
 * wait for it, so the caller can schedule the request instead of sleeping. Slots are spaced {@code 1/rate} apart; a
 * burst of up to a tenth of a second's worth of requests may go at once after an idle time.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private long nextFree;
    private boolean started;

    /** @param perSecond requests per second, 0 for unlimited */
    RateLimiter(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + perSecond);
        }
        this.intervalNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        int burst = Math.max(1, perSecond / 10);
        this.burstNanos = (burst - 1) * intervalNanos;
        this.nanoTime = nanoTime;
    }

    /** Books a slot and returns how many nanoseconds from now it starts (0: go now). */
    synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long earliest = now - burstNanos;
        if (!started || nextFree - earliest < 0) {
            nextFree = earliest;
            started = true;
        }
        long wait = Math.max(0, nextFree - now);
        nextFree += intervalNanos;
        return wait;
    }
}
