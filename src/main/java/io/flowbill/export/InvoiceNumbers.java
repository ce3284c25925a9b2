package io.flowbill.export;

import java.math.BigDecimal;

import io.flowbill.pricing.Rounding;

/** How an invoice document prints its numbers: amounts as stored (exact, plain), a tax rate as a percentage. */
final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    /** An amount as the invoice table holds it, plain ({@code 47.33}, {@code -0.80}). */
    static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** Decimal places of a quantity on a document; the CSV keeps the stored figure. */
    static final int QUANTITY_PLACES = 6;

    /**
     * A quantity as a document prints it: at most {@value #QUANTITY_PLACES} decimals (HALF_UP, by the rounding
     * owner's display rounding), without trailing zeros: {@code 883.812298384} GB reads {@code 883.812298},
     * {@code 24.000000000} h reads {@code 24}. The amount beside it is the CSV's, computed from the exact figure.
     * Empty for a line summed over containers, which has no quantity of its own.
     */
    static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return "";
        }
        BigDecimal shown = quantity.scale() > QUANTITY_PLACES ? Rounding.forDisplay(quantity, QUANTITY_PLACES)
                : quantity;
        return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
    }

    /** A tax rate as a percentage without trailing zeros: 0.06 is {@code 6}, 0.065 is {@code 6.5}, 0 is {@code 0}. */
    static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2);
        return percent.signum() == 0 ? "0" : percent.stripTrailingZeros().toPlainString();
    }
}
