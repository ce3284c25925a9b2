package io.flowbill.containerapi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A traffic quantity from the flow endpoint, converted exactly to megabytes.
 *
 * <p>The API answers strings such as {@code "1234.0MB"}, {@code "0.00B"} or {@code "18.61GB"}: a non-negative decimal
 * number, optional blanks, and a unit {@code B}, {@code KB}, {@code MB}, {@code GB} or {@code TB} in any case.
 * Rule: 1 KB = 1024 B, 1 MB = 1024 KB, 1 GB = {@code mbPerGb} MB (1024 unless configured), 1 TB = 1024 GB
 * (the API does not document its GB, so the factor stays a parameter: docs/container-api.md). The conversion is exact:
 * it only multiplies, or divides by powers of two, which always terminate in decimal.
 * Anything else (signs, exponents, NaN, unknown units, more than 1 PB = 1024 TB) is rejected with a
 * {@link FlowParseException}, never guessed.
 *
 * @param raw        the string as the API sent it
 * @param megabytes  the exact quantity in MB, never negative
 */
public record FlowAmount(String raw, BigDecimal megabytes) {

    /** The factor observed between the API's GB and MB (docs/container-api.md). */
    public static final int DEFAULT_MB_PER_GB = 1024;

    private static final int MAX_LENGTH = 64;
    private static final BigDecimal K = BigDecimal.valueOf(1024);
    private static final Pattern VALUE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)");
    private static final Pattern EXPONENT = Pattern.compile("[0-9.]+[eE][+-]?[0-9]+\\s*[A-Za-z]*");

    public FlowAmount {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(megabytes, "megabytes");
        if (megabytes.signum() < 0) {
            throw new IllegalArgumentException("megabytes must not be negative: " + megabytes);
        }
    }

    /** Parses with 1 GB = 1024 MB. */
    public static FlowAmount parse(String raw) {
        return parse(raw, DEFAULT_MB_PER_GB);
    }

    /** Parses {@code raw} into an exact MB amount; 1 GB = {@code mbPerGb} MB. */
    public static FlowAmount parse(String raw, int mbPerGb) {
        return new FlowAmount(raw, parseMegabytes(raw, mbPerGb));
    }

    /**
     * Turns a flow string into an exact number of MB.
     *
     * @throws FlowParseException with the raw value and the reason when the string is not a flow quantity
     */
    public static BigDecimal parseMegabytes(String raw, int mbPerGb) {
        if (mbPerGb <= 0) {
            throw new IllegalArgumentException("mbPerGb must be positive: " + mbPerGb);
        }
        if (raw == null) {
            throw new FlowParseException(null, FlowParseException.Reason.NULL, "no value");
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new FlowParseException(raw, FlowParseException.Reason.EMPTY, "blank value");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FlowParseException(raw, FlowParseException.Reason.TOO_LONG, "longer than " + MAX_LENGTH + " characters");
        }
        if (text.startsWith("-")) {
            throw new FlowParseException(raw, FlowParseException.Reason.NEGATIVE, "traffic cannot be negative");
        }
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            if (EXPONENT.matcher(text).matches()) {
                throw new FlowParseException(raw, FlowParseException.Reason.EXPONENT, "exponent notation is not a flow value");
            }
            throw new FlowParseException(raw, FlowParseException.Reason.NOT_A_NUMBER, "expected a decimal number and a unit");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            throw new FlowParseException(raw, FlowParseException.Reason.MISSING_UNIT, "no unit after the number");
        }
        BigDecimal mb = toMegabytes(raw, number, unit.toUpperCase(Locale.ROOT), BigDecimal.valueOf(mbPerGb));
        BigDecimal limit = K.multiply(K).multiply(BigDecimal.valueOf(mbPerGb));
        if (mb.compareTo(limit) > 0) {
            throw new FlowParseException(raw, FlowParseException.Reason.TOO_LARGE, "more than 1 PB");
        }
        return mb;
    }

    private static BigDecimal toMegabytes(String raw, BigDecimal number, String unit, BigDecimal mbPerGb) {
        return switch (unit) {
            case "B" -> number.divide(K.multiply(K));
            case "KB" -> number.divide(K);
            case "MB" -> number;
            case "GB" -> number.multiply(mbPerGb);
            case "TB" -> number.multiply(K).multiply(mbPerGb);
            default -> throw new FlowParseException(raw, FlowParseException.Reason.UNKNOWN_UNIT,
                    "unit must be B, KB, MB, GB or TB");
        };
    }
}
