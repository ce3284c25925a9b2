package io.flowbill.export;

import java.math.BigDecimal;

/** How values become CSV cells: text from the API neutralized against formula injection, decimals plain. */
final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * A text cell that came from the API (names, raw values): one starting with {@code =}, {@code +}, {@code -},
     * {@code @}, tab or carriage return gets a leading {@code '} so a spreadsheet shows it as text instead of running
     * it as a formula (OWASP, "CSV Injection"). Null becomes an empty cell.
     */
    static String untrusted(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A decimal as stored, never in exponent form ({@code 0.000000001}, not {@code 1E-9}); null is empty. */
    static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * A quantity without the trailing zeros of its stored scale: {@code 24}, not {@code 24.000000000};
     * {@code 8.59375}; {@code 0.016666667} (the digits rounding kept stay). The value is the stored one, so
     * amount = round(quantity x unit price, 2) holds for the printed figures. Null is empty.
     */
    static String quantity(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** A bandwidth tier, empty for the other items (stored as 0). */
    static String tier(int tier) {
        return tier == 0 ? "" : Integer.toString(tier);
    }
}
