package io.flowbill.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One clock hour {@code [start, start + 1h)} in UTC: the unit in which usage is recorded. Hours in UTC are
 * hours in the billing zone Asia/Shanghai too (a whole-hour offset), so days and months are sums of windows.
 */
public record UsageWindow(Instant start) {

    public static final Duration LENGTH = Duration.ofHours(1);

    public UsageWindow {
        if (start == null) {
            throw new IllegalArgumentException("a usage window needs a start");
        }
        if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
            throw new IllegalArgumentException("a usage window starts on a whole hour, not at " + start);
        }
    }

    public Instant end() {
        return start.plus(LENGTH);
    }

    /** Seconds of {@code [from, until)} that fall inside this window (0 when they do not meet). */
    public long overlapSeconds(Instant from, Instant until) {
        Instant begin = from.isAfter(start) ? from : start;
        Instant finish = until.isBefore(end()) ? until : end();
        return finish.isAfter(begin) ? Duration.between(begin, finish).getSeconds() : 0;
    }

    @Override
    public String toString() {
        return start.toString();
    }
}
