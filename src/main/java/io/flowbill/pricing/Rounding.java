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

    /** Most decimal places of a stored amount: the schema's {@code *_amount_scale} checks refuse more. */
    public static final int MAX_AMOUNT_SCALE = 2;

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

    /**
     * The same rules in SQL, for the invoice's lines that PostgreSQL sums (docs/billing-rules.md, "Invoice lines:
     * rated once"): {@code round(quantity * unit_price, scale)}. PostgreSQL's {@code round(numeric, n)} rounds a
     * half away from zero, which is {@link RoundingMode#HALF_UP} for positive and negative amounts alike.
     */
    public static String amountSql(String quantity, String unitPrice, Currency currency) {
        return "round((" + quantity + ") * (" + unitPrice + "), " + amountScale(currency) + ")";
    }

    /**
     * SQL of a month's package quantity from its daily quantities (each day's package seconds / the month's seconds,
     * rounded to 9 places): the days' sum times the month's seconds, rounded to whole seconds, gives back the exact
     * package seconds (31 days of rounding move it by under 0.05 s), divided once by the month's seconds and rounded
     * to 9 places. A whole month is exactly 1.
     */
    public static String packageMonthSql(String dailyQuantitySum, String monthSeconds) {
        return "round(round((" + dailyQuantitySum + ") * (" + monthSeconds + ")) / (" + monthSeconds + "), "
                + QUANTITY_SCALE + ")";
    }

    /**
     * The decimal places of an amount: {@link Currency#getDefaultFractionDigits()}, refused when it has none or more
     * than {@link #MAX_AMOUNT_SCALE} (the schema holds every stored amount to 2 decimals, docs/billing-rules.md,
     * "What the schema refuses").
     */
    public static int amountScale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit");
        }
        if (digits > MAX_AMOUNT_SCALE) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has " + digits
                    + " decimals; flowbill stores amounts with at most " + MAX_AMOUNT_SCALE);
        }
        return digits;
    }
}
