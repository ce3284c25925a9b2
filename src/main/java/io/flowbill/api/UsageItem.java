package io.flowbill.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A container's metered usage in one hour or one day of the billing zone, summed from {@code usage_hour} as stored
 * (traffic in MB as the container API reported it; no price applied).
 *
 * @param hours           metered hours in the period
 * @param billableHours   of those, the hours in a billable status
 * @param activeSeconds   seconds the container was active
 * @param upMb            outbound traffic, MB; null for an hour whose traffic could not be read
 * @param downMb          inbound traffic, MB; null likewise
 * @param unreadableHours hours whose traffic could not be read (left out of the sums)
 */
public record UsageItem(@JsonProperty("container_id") long containerId,
        @JsonProperty("period_start") Instant periodStart, long hours,
        @JsonProperty("billable_hours") long billableHours, @JsonProperty("active_seconds") long activeSeconds,
        @JsonProperty("up_mb") String upMb, @JsonProperty("down_mb") String downMb,
        @JsonProperty("unreadable_hours") long unreadableHours) {
}
