package io.flowbill.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The one source of time in the sandbox, so tests can move it.
 *
 * <p>A clock either ticks with the system clock plus an adjustable offset ({@link #system()}), or stands still until
 * it is set or advanced ({@link #fixed(Instant)}). Instants are whole milliseconds; the zone is always UTC.
 * Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final boolean ticking;
    private volatile long millis;

    private SandboxClock(boolean ticking, long millis) {
        this.ticking = ticking;
        this.millis = millis;
    }

    /** A clock that ticks with the system clock; {@link #set} and {@link #advance} shift it. */
    public static SandboxClock system() {
        return new SandboxClock(true, 0);
    }

    /** A clock that stands at {@code start} until set or advanced. */
    public static SandboxClock fixed(Instant start) {
        Objects.requireNonNull(start, "start");
        return new SandboxClock(false, start.toEpochMilli());
    }

    /** Whether this clock moves by itself. */
    public boolean isTicking() {
        return ticking;
    }

    @Override
    public long millis() {
        return ticking ? System.currentTimeMillis() + millis : millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves the clock to {@code instant} (a ticking clock goes on ticking from there). */
    public synchronized void set(Instant instant) {
        long target = instant.toEpochMilli();
        millis = ticking ? target - System.currentTimeMillis() : target;
    }

    /** Moves the clock forward (or backward, for a negative duration). */
    public synchronized void advance(Duration duration) {
        millis += duration.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return this;
        }
        throw new UnsupportedOperationException("the sandbox clock is always UTC");
    }

    @Override
    public String toString() {
        return "SandboxClock[" + (ticking ? "ticking " : "fixed ") + instant() + "]";
    }
}
