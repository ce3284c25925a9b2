package io.flowbill.sandbox;

/**
 * Malformed or absurd values the flow endpoint can answer (in both {@code container_up_flow} and
 * {@code container_down_flow}, unless {@link #outboundOnly()}) when {@link Fault#MALFORMED_FLOW} is injected.
 */
public enum MalformedFlow {
    NAN("NaNMB"),
    NEGATIVE("-12.0MB"),
    EMPTY(""),
    NOT_A_NUMBER("abcGB"),
    UNKNOWN_UNIT("12.0XB"),
    NULL_FIELD(null),
    OVERFLOW("99999999999999999999TB"),
    /** Well-formed but absurd for one container-hour (more than any link carries). */
    IMPLAUSIBLE("1000TB"),
    /**
     * 4 TB outbound in one hour, more than any container not billed by bandwidth may move (100 GB by default); the
     * inbound value is the true one.
     */
    IMPLAUSIBLE_OUTBOUND("4TB", true),
    /** Longer than any sane value: 172 characters. */
    TOO_LONG("1".repeat(168) + "0.MB");

    private final String value;
    private final boolean outboundOnly;

    MalformedFlow(String value) {
        this(value, false);
    }

    MalformedFlow(String value, boolean outboundOnly) {
        this.value = value;
        this.outboundOnly = outboundOnly;
    }

    /** Only {@code container_up_flow} is replaced; {@code container_down_flow} is the true value. */
    public boolean outboundOnly() {
        return outboundOnly;
    }

    /** The printed value; null for {@link #NULL_FIELD}. */
    public String value() {
        return value;
    }
}
