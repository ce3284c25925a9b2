package io.flowbill.pricing;

import java.time.Instant;
import java.util.Objects;

/**
 * Usage hours of one container that rate alike, counted once: every rule is linear in the hours it prices when
 * they share the attributes, the active seconds, the billability, the price version and the zone day, so {@code n}
 * such hours rate as {@code n} times one of them, with their traffic summed. This lets the store sum a day's 24
 * hours per container (set-based) and rating read one row where it would read 24.
 *
 * @param first the earliest of the hours, with every attribute the hours share; its traffic is the hours' sum
 *              ({@code null} when every hour's traffic is an exception: such hours bill no traffic)
 * @param lastHour the start of the latest of the hours
 * @param hours how many hours, at least 1
 */
public record UsageBlock(UsageHour first, Instant lastHour, int hours) implements UsageRow {

    public UsageBlock {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(lastHour, "lastHour");
        long span = (lastHour.getEpochSecond() - first.windowStart().getEpochSecond()) / HourRounding.SECONDS_PER_HOUR;
        if (hours < 1 || lastHour.isBefore(first.windowStart()) || span + 1 < hours) {
            throw new IllegalArgumentException(hours + " hours of container " + first.containerId() + " cannot lie"
                    + " between " + first.windowStart() + " and " + lastHour);
        }
    }

    /** One hour as a block. */
    public static UsageBlock of(UsageHour hour) {
        return new UsageBlock(hour, hour.windowStart(), 1);
    }

    public String tenant() {
        return first.tenant();
    }

    public long containerId() {
        return first.containerId();
    }

    @Override
    public Instant firstHour() {
        return first.windowStart();
    }

    /** Whether this block belongs to the same tenant and container as {@code other}. */
    public boolean sameContainer(UsageBlock other) {
        return first.sameContainer(other.first);
    }
}
