package io.flowbill.containerapi;

/**
 * A flow string from the container API that {@link FlowAmount#parse(String, int)} refused to interpret.
 * Carries the raw value as received and the reason, so a metering step can report it instead of guessing.
 */
public final class FlowParseException extends IllegalArgumentException {

    /** Why a flow string was rejected. */
    public enum Reason {
        NULL,
        EMPTY,
        TOO_LONG,
        NEGATIVE,
        NOT_A_NUMBER,
        EXPONENT,
        MISSING_UNIT,
        UNKNOWN_UNIT,
        TOO_LARGE
    }

    private final String raw;
    private final Reason reason;

    public FlowParseException(String raw, Reason reason, String detail) {
        super("flow value " + quote(raw) + " rejected (" + reason + "): " + detail);
        this.raw = raw;
        this.reason = reason;
    }

    /** The value exactly as the API sent it; may be {@code null}. */
    public String raw() {
        return raw;
    }

    public Reason reason() {
        return reason;
    }

    private static String quote(String raw) {
        if (raw == null) {
            return "null";
        }
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return "'" + shown + "'";
    }
}
