package io.flowbill.export;

import java.math.BigDecimal;

/** How an invoice document prints its numbers: amounts as stored (exact, plain), a tax rate as a percentage. */
final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    /** An amount as the invoice table holds it, plain ({@code 47.33}, {@code -0.80}). */
    static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** A tax rate as a percentage without trailing zeros: 0.06 is {@code 6}, 0.065 is {@code 6.5}, 0 is {@code 0}. */
    static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2);
        return percent.signum() == 0 ? "0" : percent.stripTrailingZeros().toPlainString();
    }
}
