package io.flowbill.sandbox;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The unit of the flow endpoint's {@code from_time}/{@code to_time}: the document only says {@code long}. */
public enum FlowTimeUnit {
    /** Seconds since the epoch, as the one known client sends. */
    SECONDS,
    /** Milliseconds since the epoch. */
    MILLISECONDS;

    /** The instant a non-negative parameter value stands for. */
    public Instant toInstant(long value) {
        try {
            return this == SECONDS ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        } catch (DateTimeException | ArithmeticException e) {
            throw SandboxApiException.invalid("time out of range: " + value);
        }
    }

    /** The instant cut to this unit: "now" as the flow endpoint sees it. */
    public Instant truncate(Instant instant) {
        return this == SECONDS ? instant.truncatedTo(ChronoUnit.SECONDS) : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
