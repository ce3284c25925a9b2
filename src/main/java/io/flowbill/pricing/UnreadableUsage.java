package io.flowbill.pricing;

import java.time.Instant;
import java.util.Objects;

/**
 * Stored hours of a container that cannot be read as usage (an unknown charge type, an on-demand public container
 * without a network charge type, ...): rating makes the container's day an {@link UnrateableDay} instead of
 * stopping the day.
 *
 * @param tenant the container's tenant
 * @param containerId the container API's id
 * @param firstHour the start of the first of the hours
 * @param reason what is wrong with them, in words
 */
public record UnreadableUsage(String tenant, long containerId, Instant firstHour, String reason) implements UsageRow {

    public UnreadableUsage {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(firstHour, "firstHour");
        Require.nonBlank(reason, "reason");
    }
}
