package io.flowbill.sandbox;

/**
 * Malformed or absurd values the flow endpoint can answer (in both {@code container_up_flow} and
 * {@code container_down_flow}) when {@link Fault#MALFORMED_FLOW} is injected.
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
    /** Longer than any sane value: 172 characters. */
    TOO_LONG("1".repeat(168) + "0.MB");

    private final String value;

    MalformedFlow(String value) {
        this.value = value;
    }

    /** The printed value; null for {@link #NULL_FIELD}. */
    public String value() {
        return value;
    }
}
