package io.flowbill.metering;

import java.time.Duration;
import java.time.Instant;

/**
 * One container in one window, with the attributes in force at the window's start (or at creation, for
 * the window the container was created in): the unit of work of the flow step.
 *
 * @param lifeEnd          when the container stopped existing (its last sighting, once it is gone), else null
 * @param firstObservedAt  when flowbill first saw the attribute version used here
 */
public record ContainerHour(long containerId, String name, Instant createdAt, Instant lifeEnd, UsageWindow window,
        String status, int chargeType, int specId, Integer usePublicNetwork, Integer networkChargeType,
        Integer bandwidth, Instant firstObservedAt) {

    /** Seconds of the window during which the container existed. */
    public int activeSeconds() {
        Instant until = lifeEnd == null ? window.end() : lifeEnd;
        return (int) window.overlapSeconds(createdAt, until);
    }

    /**
     * A window is inferred when the attributes used for it were first seen more than {@code after} past the
     * window's end, i.e. flowbill had no observation from that time and used a later one (a backfill).
     */
    public boolean inferred(Duration after) {
        return firstObservedAt.isAfter(window.end().plus(after));
    }
}
