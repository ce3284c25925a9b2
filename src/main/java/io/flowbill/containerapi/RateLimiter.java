package io.flowbill.containerapi;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Client-side request rate limit that never blocks a thread and never lets the account see more than
 * {@code perSecond} of its requests in any second, however late requests travel and after any pause.
 *
 * <p>The account counts a request at the instant it admits it, which the client cannot see: some time between
 * sending it and reading its answer. So a request counts here from the instant it is sent ({@link #tryAcquire()}
 * answers 0) until a second after its answer arrived ({@link #release()}); a new request goes only while fewer than
 * {@code perSecond} requests count. Then any {@code perSecond + 1} requests the account admits within one second
 * would include one sent while the others all still counted, which the rule refused. The price is that a request's
 * latency adds to the second it holds. On top of that rule requests are spaced {@code 1/perSecond} apart, with a
 * burst of up to a tenth of a second's worth after an idle time.
 */
final class RateLimiter {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    /** When each answered request stops counting (its answer plus a second), oldest first. */
    private final ArrayDeque<Long> answered = new ArrayDeque<>();
    private int inFlight;
    private long nextFree;
    private boolean started;
    private CompletableFuture<Void> released = new CompletableFuture<>();

    /** @param perSecond requests per second, 0 for unlimited */
    RateLimiter(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + perSecond);
        }
        this.perSecond = perSecond;
        this.intervalNanos = perSecond == 0 ? 0 : (SECOND + perSecond - 1) / perSecond;
        int burst = Math.max(1, perSecond / 10);
        this.burstNanos = (burst - 1) * intervalNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a slot now when one is free: answers 0, and the caller sends the request at once and calls
     * {@link #release()} when its answer (or failure) is in. Otherwise answers how many nanoseconds to wait before
     * asking again, or -1 when only an answer to a request in flight can free a slot ({@link #whenReleased()}).
     */
    synchronized long tryAcquire() {
        if (perSecond == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        while (!answered.isEmpty() && answered.peekFirst() - now <= 0) {
            answered.pollFirst();
        }
        if (inFlight + answered.size() >= perSecond) {
            return answered.isEmpty() ? -1 : answered.peekFirst() - now;
        }
        long earliest = now - burstNanos;
        if (!started || nextFree - earliest < 0) {
            nextFree = earliest;
            started = true;
        }
        if (nextFree - now > 0) {
            return nextFree - now;
        }
        nextFree += intervalNanos;
        inFlight++;
        return 0;
    }

    /** A request taken with {@link #tryAcquire()} has its answer (or failed): it counts for one more second. */
    void release() {
        CompletableFuture<Void> wake;
        synchronized (this) {
            if (perSecond == 0) {
                return;
            }
            if (inFlight == 0) {
                throw new IllegalStateException("released more requests than were sent");
            }
            inFlight--;
            answered.addLast(nanoTime.getAsLong() + SECOND);
            wake = released;
            released = new CompletableFuture<>();
        }
        wake.complete(null);
    }

    /**
     * Completes at the next {@link #release()}. Take it before {@link #tryAcquire()} so that a release in between
     * is not missed.
     */
    synchronized CompletableFuture<Void> whenReleased() {
        return released;
    }
}
