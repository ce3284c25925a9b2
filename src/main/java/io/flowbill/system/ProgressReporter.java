package io.flowbill.system;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reports a long run's progress: the run calls {@link #advance} as items are written; a line goes to the log
 * every {@code interval} (a timer calls {@link #logIfDue}), and, when a terminal is attached, a live line is
 * rewritten in place on stderr. A run whose items are written by other processes gives instead a {@link Done} read
 * whenever a line is due (the job repository's counts). Times come from the given clock, so a test can drive every
 * figure.
 * Created by {@link ProgressReporters}. Thread-safe.
 */
public final class ProgressReporter implements AutoCloseable {

    private static final Duration LIVE_REFRESH = Duration.ofMillis(250);

    private final String title;
    private final int windows;
    private final long containersTotal;
    private final long itemsTotal;
    private final Clock clock;
    private final LongSupplier calls;
    private final Duration interval;
    private final Consumer<String> log;
    private final PrintStream live;
    private final Instant started;
    private final long callsAtStart;
    private ScheduledExecutorService timer;
    private Supplier<Done> polled;
    private long containersDone;
    private long itemsDone;
    private Instant lastLogged;
    private Instant lastLive;
    private int liveWidth;
    private boolean closed;

    /**
     * @param live the terminal's stderr for the live line, or null when no terminal is attached
     */
    ProgressReporter(String title, int windows, long containersTotal, long itemsTotal, Clock clock, LongSupplier calls,
            Duration interval, Consumer<String> log, PrintStream live) {
        this.title = title;
        this.windows = windows;
        this.containersTotal = containersTotal;
        this.itemsTotal = itemsTotal;
        this.clock = clock;
        this.calls = calls;
        this.interval = interval;
        this.log = log;
        this.live = live;
        this.started = clock.instant();
        this.callsAtStart = calls.getAsLong();
        this.lastLogged = started;
        this.lastLive = Instant.MIN;
    }

    void runBy(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** What other processes have done so far: container-hours written and containers reached. */
    public record Done(long items, long containers) {
    }

    /** From now on the counts are what {@code done} says when a line is due, not what {@link #advance} adds. */
    public synchronized void pollFrom(Supplier<Done> done) {
        this.polled = done;
    }

    /** Counts {@code items} more container-hours written and {@code containers} more containers reached. */
    public synchronized void advance(long items, long containers) {
        itemsDone += items;
        containersDone += containers;
        Instant now = clock.instant();
        if (live != null && !closed && !now.isBefore(lastLive.plus(LIVE_REFRESH))) {
            lastLive = now;
            showLive(progress(now).line());
        }
    }

    public synchronized Progress progress() {
        return progress(clock.instant());
    }

    /** Logs the progress line when {@code interval} has passed since the last one; true when it logged. */
    public synchronized boolean logIfDue() {
        Instant now = clock.instant();
        if (closed || now.isBefore(lastLogged.plus(interval))) {
            return false;
        }
        if (polled != null) {
            try {
                Done done = polled.get();
                itemsDone = done.items();
                containersDone = done.containers();
            }
            catch (RuntimeException unread) {
                // the counts of the last line stand; the next line tries again
            }
        }
        // a steady grid: the next line is due one interval after this one was, unless the timer fell behind
        Instant next = lastLogged.plus(interval);
        lastLogged = now.isBefore(next.plus(interval)) ? next : now;
        clearLive();
        log.accept(title + ": " + progress(now).line());
        return true;
    }

    /** Stops the timer and ends the live line; the run's own summary says how it ended. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (!closed) {
                closed = true;
                clearLive();
            }
        }
    }

    private Progress progress(Instant now) {
        Duration elapsed = Duration.between(started, now);
        double seconds = elapsed.toMillis() / 1000.0;
        double callsPerSecond = seconds <= 0 ? 0 : (calls.getAsLong() - callsAtStart) / seconds;
        long done = Math.min(itemsDone, Math.max(itemsTotal, 0));
        Optional<Duration> remaining = Optional.empty();
        if (itemsDone >= itemsTotal) {
            remaining = Optional.of(Duration.ZERO);
        }
        else if (itemsDone > 0 && !elapsed.isZero()) {
            remaining = Optional.of(elapsed.multipliedBy(itemsTotal - itemsDone).dividedBy(itemsDone));
        }
        return new Progress(windows, Math.min(containersDone, containersTotal), containersTotal, done, itemsTotal,
                callsPerSecond, elapsed, remaining);
    }

    private void showLive(String line) {
        String text = title + ": " + line;
        live.print("\r" + text + " ".repeat(Math.max(0, liveWidth - text.length())));
        live.flush();
        liveWidth = text.length();
    }

    private void clearLive() {
        if (live != null && liveWidth > 0) {
            live.print("\r" + " ".repeat(liveWidth) + "\r");
            live.flush();
            liveWidth = 0;
            lastLive = Instant.MIN;
        }
    }
}
