package io.flowbill.api;

import java.math.BigDecimal;

/**
 * How the API writes amounts and quantities: JSON strings holding the stored figure in plain notation
 * ({@code "47.33"}, {@code "0.000000000"}), exact as in the CSV files; never a binary floating-point number.
 */
public final class Decimals {

    private Decimals() {
    }

    /** The figure as plain text; null stays null. */
    public static String plain(BigDecimal figure) {
        return figure == null ? null : figure.toPlainString();
    }
}
