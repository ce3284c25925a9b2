package io.flowbill.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The hours {@code [from, to)} a metering run covers: both ends on whole hours, at least one window.
 * Both ends are the meteringJob's identifying parameters, so a rerun of the same range is a restart.
 */
public record MeteringRange(Instant from, Instant to) {

    /** The longest range one run takes; longer backfills are split by the caller. */
    public static final Duration MAX_LENGTH = Duration.ofDays(62);

    public MeteringRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a metering range needs --from and --to");
        }
        requireWholeHour("from", from);
        requireWholeHour("to", to);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a metering range covers at most " + MAX_LENGTH.toDays()
                    + " days; split " + from + " .. " + to + " into several runs");
        }
    }

    /** Parses ISO-8601 instants such as {@code 2026-11-25T00:00:00Z}, naming the option on error. */
    public static MeteringRange parse(String from, String to) {
        return new MeteringRange(instant("--from", from), instant("--to", to));
    }

    public List<UsageWindow> windows() {
        List<UsageWindow> windows = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(UsageWindow.LENGTH)) {
            windows.add(new UsageWindow(start));
        }
        return windows;
    }

    public int windowCount() {
        return (int) Duration.between(from, to).toHours();
    }

    /**
     * Refuses a range whose last window is not over yet: a window is meterable once {@code lag} has passed
     * after its end, which gives the cloud time to settle its counters.
     */
    public void requireOver(Instant now, Duration lag) {
        Instant settled = to.plus(lag);
        if (now.isBefore(settled)) {
            throw new IllegalArgumentException("the window ending " + to + " is not over yet: it can be metered from "
                    + settled + " (the metering lag is " + lag.toMinutes() + " minutes); choose an earlier --to");
        }
    }

    private static Instant instant(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + " is required, e.g. " + option + " 2026-11-25T00:00:00Z");
        }
        try {
            return Instant.parse(text.trim());
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 instant; write it like "
                    + "2026-11-25T00:00:00Z");
        }
    }

    private static void requireWholeHour(String name, Instant instant) {
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw new IllegalArgumentException("--" + name + " must be on a whole hour (like 2026-11-25T13:00:00Z), not "
                    + instant);
        }
    }
}
