package io.flowbill.containerapi;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

import io.flowbill.sandbox.AccountLimits;
import io.flowbill.sandbox.RequestLimit;

/**
 * The client's {@link RateLimiter} against the sandbox's account rule ({@link AccountLimits}) on one simulated
 * clock, without threads or sockets: callers send requests as the limiter lets them, each request reaches the
 * account after its own travel time, its answer comes back after another, and a caller may pause before its next
 * request. The same inputs give the same result on any machine, however loaded.
 */
final class AccountLimitSimulation {

    static final long MS = 1_000_000L;

    /** What happened: requests sent, refused by the account, and when the last answer arrived (ns from start). */
    record Result(int sent, int refused, long lastAnswerNanos) {
    }

    /** Per request (numbered from 0 in the order they are sent): nanoseconds. */
    record Timing(IntToLongFunction toAccount, IntToLongFunction back, IntToLongFunction pauseAfter) {

        static Timing fixed(long toAccountNanos, long backNanos) {
            return new Timing(r -> toAccountNanos, r -> backNanos, r -> 0);
        }
    }

    private record Event(long at, long order, Runnable action) {
    }

    private final AtomicLong now = new AtomicLong();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final RateLimiter limiter;
    private final AccountLimits account;
    private final Timing timing;
    private final int requests;
    private long order;
    private int started;
    private int sent;
    private int refused;
    private long lastAnswer;

    private AccountLimitSimulation(int clientPerSecond, int accountPerSecond, int requests, Timing timing) {
        this.limiter = new RateLimiter(clientPerSecond, now::get);
        this.account = new AccountLimits(new RequestLimit(accountPerSecond, RequestLimit.Answer.FREQ_OUT_OF_LIMIT),
                now::get);
        this.requests = requests;
        this.timing = timing;
    }

    /** {@code callers} callers send {@code requests} requests in all, each waiting for its answer before the next. */
    static Result run(int clientPerSecond, int accountPerSecond, int callers, int requests, Timing timing) {
        AccountLimitSimulation simulation = new AccountLimitSimulation(clientPerSecond, accountPerSecond, requests,
                timing);
        for (int i = 0; i < callers; i++) {
            simulation.at(0, simulation::nextCall);
        }
        while (!simulation.events.isEmpty()) {
            Event event = simulation.events.poll();
            simulation.now.set(event.at);
            event.action.run();
        }
        if (simulation.started != requests) {
            throw new IllegalStateException("stuck: " + simulation.started + " of " + requests + " requests started");
        }
        return new Result(simulation.sent, simulation.refused, simulation.lastAnswer);
    }

    private void nextCall() {
        if (started < requests) {
            started++;
            attempt();
        }
    }

    private void attempt() {
        CompletableFuture<Void> released = limiter.whenReleased();
        long wait = limiter.tryAcquire();
        if (wait > 0) {
            at(now.get() + wait, this::attempt);
        }
        else if (wait < 0) {
            released.thenRun(this::attempt);
        }
        else {
            int request = sent++;
            at(now.get() + timing.toAccount().applyAsLong(request), () -> {
                if (!account.admit("account")) {
                    refused++;
                }
                at(now.get() + timing.back().applyAsLong(request), () -> {
                    limiter.release();
                    lastAnswer = now.get();
                    at(now.get() + timing.pauseAfter().applyAsLong(request), this::nextCall);
                });
            });
        }
    }

    private void at(long instant, Runnable action) {
        events.add(new Event(instant, order++, action));
    }
}
