package io.flowbill.system;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a long run is, at one instant.
 *
 * @param windows         clock hours the run covers
 * @param containersDone  containers the run has reached
 * @param containersTotal containers the run expects to reach
 * @param itemsDone       container-hours written
 * @param itemsTotal      container-hours the run expects to write (an estimate taken at its start)
 * @param callsPerSecond  API calls per second since the start, retries included
 * @param elapsed         time since the start
 * @param remaining       estimated time left at the average rate so far; empty until the first item is done
 */
public record Progress(int windows, long containersDone, long containersTotal, long itemsDone, long itemsTotal,
        double callsPerSecond, Duration elapsed, Optional<Duration> remaining) {

    /** The share of items done, 0 to 100 (100 when there is nothing to do). */
    public int percent() {
        return itemsTotal <= 0 ? 100 : (int) Math.min(100, itemsDone * 100 / itemsTotal);
    }

    /** One line, e.g. {@code 24 windows, containers 120/500, container-hours 2880/12000 (24%), 934 calls/s, 0:00:10 left}. */
    public String line() {
        return String.format("%d windows, containers %d/%d, container-hours %d/%d (%d%%), %.0f calls/s, %s",
                windows, containersDone, containersTotal, itemsDone, itemsTotal, percent(), callsPerSecond,
                remaining.map(left -> clock(left) + " left").orElse("time left unknown yet"));
    }

    /** {@code H:MM:SS}. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
