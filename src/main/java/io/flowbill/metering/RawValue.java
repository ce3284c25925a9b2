package io.flowbill.metering;

/**
 * Raw API values are stored for people to read, never trusted to fit: a value longer than {@link #MAX_LENGTH}
 * characters is cut and marked with its full length, so a long answer can never fail a run.
 */
final class RawValue {

    static final int MAX_LENGTH = 128;

    private RawValue() {
    }

    static String bounded(String raw) {
        return bounded(raw, MAX_LENGTH);
    }

    static String bounded(String raw, int maxLength) {
        if (raw == null || raw.length() <= maxLength) {
            return raw;
        }
        String marker = "…[cut, " + raw.length() + " chars]";
        return raw.substring(0, maxLength - marker.length()) + marker;
    }
}
