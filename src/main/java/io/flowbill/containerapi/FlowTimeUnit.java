package io.flowbill.containerapi;

import java.time.Instant;

/**
 * How {@code from_time}/{@code to_time} of the flow endpoint are sent. The document only says {@code long}; the one
 * client seen sends seconds since the epoch, hence the default.
 */
public enum FlowTimeUnit {
    SECONDS,
    MILLISECONDS;

    /** The query value for {@code time}: whole seconds (rounded down) or milliseconds since the epoch. */
    public long encode(Instant time) {
        return this == SECONDS ? time.getEpochSecond() : time.toEpochMilli();
    }
}
