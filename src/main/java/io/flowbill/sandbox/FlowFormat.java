package io.flowbill.sandbox;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the flow endpoint prints an amount. Every form is exact: the printed number, read back with {@link #parseMb},
 * equals the model's amount to the last digit (1 KB = 1024 B, 1 MB = 1024 KB, and so on).
 */
public enum FlowFormat {
    /** Always MB with at least one fractional digit: {@code "1234.0MB"}, {@code "0.0MB"}, {@code "17.25MB"}. */
    MB,
    /**
     * B, KB, MB, GB or TB by magnitude with at least two fractional digits, like the real service
     * ({@code "0.00B"}, {@code "18.5GB"}); a larger unit is used only while its exact value needs at most
     * {@value #MAX_MIXED_SCALE} fractional digits, otherwise the next smaller one.
     */
    MIXED;

    static final int MAX_MIXED_SCALE = 6;
    private static final BigDecimal K = BigDecimal.valueOf(1024);
    private static final BigDecimal M = BigDecimal.valueOf(1024 * 1024);
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(B|KB|MB|GB|TB)");

    /** Prints an amount given in MB. */
    public String format(BigDecimal mb) {
        Objects.requireNonNull(mb, "mb");
        if (this == MB) {
            return plain(mb, 1) + "MB";
        }
        if (mb.signum() == 0) {
            return "0.00B";
        }
        if (mb.compareTo(M) >= 0 && fits(mb.divide(M))) {
            return plain(mb.divide(M), 2) + "TB";
        }
        if (mb.compareTo(K) >= 0 && fits(mb.divide(K))) {
            return plain(mb.divide(K), 2) + "GB";
        }
        if (mb.compareTo(BigDecimal.ONE) >= 0) {
            return plain(mb, 2) + "MB";
        }
        BigDecimal kb = mb.multiply(K);
        if (kb.compareTo(BigDecimal.ONE) >= 0) {
            return plain(kb, 2) + "KB";
        }
        return plain(kb.multiply(K), 2) + "B";
    }

    /**
     * Reads a printed amount back into exact MB; accepts B, KB, MB, GB and TB.
     *
     * @throws IllegalArgumentException if the text is not a non-negative number followed by one of those units
     */
    public static BigDecimal parseMb(String text) {
        Matcher matcher = AMOUNT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a flow amount: '" + text + "'");
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        BigDecimal mb = switch (matcher.group(2)) {
            case "B" -> value.divide(M);
            case "KB" -> value.divide(K);
            case "MB" -> value;
            case "GB" -> value.multiply(K);
            default -> value.multiply(M);
        };
        return mb.stripTrailingZeros();
    }

    private static boolean fits(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= MAX_MIXED_SCALE;
    }

    private static String plain(BigDecimal value, int minScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < minScale ? stripped.setScale(minScale) : stripped).toPlainString();
    }
}
