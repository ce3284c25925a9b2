package io.flowbill.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Applies a {@link RequestLimit} to each account on its own: one account's load never refuses another's requests.
 * Each account keeps the instants of its last {@code perSecond} admitted requests; a request is admitted when the
 * oldest of them is at least a second old. Wall-clock ({@code System.nanoTime}) time, not the sandbox clock: a
 * fixed sandbox clock must not stop the limit. Thread-safe. Public so that the client's contract tests can hold
 * its limiter against this very rule on a simulated clock.
 */
public final class AccountLimits {

    private static final long SECOND = 1_000_000_000L;

    private final RequestLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AccountLimits(RequestLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    RequestLimit limit() {
        return limit;
    }

    /** Whether {@code account} may make one more request now; an admitted request is counted. */
    public boolean admit(String account) {
        if (!limit.limited()) {
            return true;
        }
        return windows.computeIfAbsent(account, a -> new Window(limit.perSecond())).admit(nanoTime.getAsLong());
    }

    /** The admission instants of the last second, in a ring. */
    private static final class Window {
        private final long[] admitted;
        private int next;
        private int filled;

        Window(int size) {
            this.admitted = new long[size];
        }

        synchronized boolean admit(long now) {
            if (filled == admitted.length && now - admitted[next] < SECOND) {
                return false;
            }
            admitted[next] = now;
            next = (next + 1) % admitted.length;
            filled = Math.min(filled + 1, admitted.length);
            return true;
        }
    }
}
