package io.flowbill.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one owner of rounding in flowbill: nothing else calls {@code setScale}, {@code round} or a rounding
 * {@code divide}. Quantities are stored with 9 decimal places and amounts with the currency's minor unit,
 * both HALF_UP (docs/billing-rules.md, "Lines and rounding"; after Kill Bill's {@code KillBillMoney}).
 */
public final class Rounding {

    /** Decimal places of a stored charge quantity. */
    public static final int QUANTITY_SCALE = 9;

    private static final RoundingMode MODE = RoundingMode.HALF_UP;

    private Rounding() {
    }

    /**
     * A line's quantity is its exact sum divided once by its unit's denominator, rounded HALF_UP to 9 places
     * (docs/billing-rules.md, "Lines and rounding": quantities are summed exactly and divided once per line).
     */
    public static BigDecimal quantity(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        return numerator.divide(denominator, QUANTITY_SCALE, MODE);
    }

    /**
     * A figure shown to people, not billed (a report's traffic in GB): HALF_UP to {@code places} decimals, so that
     * 3166.646484375 GB reads 3166.65 GB; amounts are never shown through this.
     */
    public static BigDecimal forDisplay(BigDecimal value, int places) {
        return value.setScale(places, MODE);
    }

    /**
     * A line's amount is round(stored quantity x unit price) HALF_UP to the currency's default fraction digits,
     * so that every line satisfies its equation as printed (docs/billing-rules.md, "Lines and rounding").
     */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return quantity.multiply(unitPrice).setScale(amountScale(currency), MODE);
    }

    /**
     * An invoice's tax is round(subtotal x tax rate) HALF_UP to the currency's minor unit, once per invoice: never
     * per line (docs/billing-rules.md, "Tax").
     */
    public static BigDecimal tax(BigDecimal subtotal, BigDecimal taxRate, Currency currency) {
        return subtotal.multiply(taxRate).setScale(amountScale(currency), MODE);
    }

    /** The decimal places of an amount: {@link Currency#getDefaultFractionDigits()}, refused when it has none. */
    public static int amountScale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit");
        }
        return digits;
    }
}
