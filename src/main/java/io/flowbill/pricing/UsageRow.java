package io.flowbill.pricing;

import java.time.Instant;

/**
 * A row of one container's stored usage as rating reads it: a {@link UsageBlock} of hours it can price, or
 * {@link UnreadableUsage}, hours whose stored attributes are not usage at all.
 */
public sealed interface UsageRow permits UsageBlock, UnreadableUsage {

    String tenant();

    long containerId();

    /** The start of the row's first hour. */
    Instant firstHour();

    /** Whether this row belongs to the same tenant and container as {@code other}. */
    default boolean sameContainerAs(UsageRow other) {
        return containerId() == other.containerId() && tenant().equals(other.tenant());
    }
}
