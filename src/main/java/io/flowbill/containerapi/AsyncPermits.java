package io.flowbill.containerapi;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose {@link #acquire()} returns a future instead of blocking, so that thousands of queued calls hold
 * no threads. Waiters are served in order; {@link #release()} hands the permit straight to the next one.
 */
final class AsyncPermits {

    private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int available;

    AsyncPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        this.available = permits;
    }

    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (available > 0) {
                available--;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        if (!next.complete(null)) {
            release();
        }
    }

    synchronized int available() {
        return available;
    }

    synchronized int waiting() {
        return waiters.size();
    }
}
