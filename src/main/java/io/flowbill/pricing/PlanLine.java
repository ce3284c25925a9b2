package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;

/**
 * A month-level line of a price plan for one tenant, not of a container: a {@code discount} (negative amount) or
 * a {@code commitment_shortfall}. Like every line, amount = round(quantity x unit price) by {@link Rounding},
 * checked here (docs/billing-rules.md, "Price plans").
 *
 * @param tenant the tenant
 * @param month the calendar month in the price book's zone
 * @param item {@link #DISCOUNT} or {@link #COMMITMENT_SHORTFALL}
 * @param unit what the quantity counts: for a discount the item it discounts ({@code compute}, ...) or
 *        {@code bill}, its quantity being that base amount in the currency; {@code month} for a shortfall
 * @param quantity the discounted base amount, or 1 (month) for a shortfall; not negative
 * @param unitPrice minus the discount rate, or the shortfall
 * @param amount quantity x unit price, rounded by {@link Rounding#amount}
 * @param currency the price book's currency
 * @param planVersion the plan version whose rule made the line
 */
public record PlanLine(String tenant, YearMonth month, String item, String unit, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal amount, Currency currency, String planVersion) {

    public static final String DISCOUNT = "discount";
    public static final String COMMITMENT_SHORTFALL = "commitment_shortfall";

    public PlanLine {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        if (!DISCOUNT.equals(item) && !COMMITMENT_SHORTFALL.equals(item)) {
            throw new IllegalArgumentException("a plan line is a discount or a commitment_shortfall, was " + item);
        }
        Require.nonBlank(unit, "unit");
        Require.nonNegative(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (!amount.equals(Rounding.amount(quantity, unitPrice, currency))) {
            throw new IllegalArgumentException("amount " + amount + " is not round(" + quantity + " x " + unitPrice
                    + ") for the " + item + " line of " + tenant + " in " + month);
        }
        Require.nonBlank(planVersion, "planVersion");
    }

    /** A line whose amount the rounding owner computes. */
    static PlanLine of(String tenant, YearMonth month, String item, String unit, BigDecimal quantity,
            BigDecimal unitPrice, Currency currency, String planVersion) {
        return new PlanLine(tenant, month, item, unit, quantity, unitPrice, Rounding.amount(quantity, unitPrice,
                currency), currency, planVersion);
    }
}
