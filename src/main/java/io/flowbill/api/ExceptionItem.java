package io.flowbill.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A metering exception: an hour of a container whose data flowbill could not use as it came. */
public record ExceptionItem(long id, @JsonProperty("container_id") long containerId,
        @JsonProperty("window_start") Instant windowStart, String kind, @JsonProperty("raw_value") String rawValue,
        String message, boolean resolved, @JsonProperty("created_at") Instant createdAt) {
}
