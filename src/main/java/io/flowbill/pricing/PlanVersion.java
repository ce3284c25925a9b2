package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a price plan, in effect from {@code effectiveFrom} until the next version's; each version states
 * the whole deal (nothing is inherited from the version before it).
 *
 * @param name unique in the plan, printed on the plan's invoice lines and joined to the book version's name on
 *        charge lines ({@code fengchao-2017-05+acme-2026-11})
 * @param effectiveFrom the first instant this version prices
 * @param prices negotiated unit prices
 * @param itemDiscountPercent percent off per item, each in (0, 100]
 * @param billDiscountPercent percent off the whole bill after item discounts, in [0, 100] (0: none)
 * @param commitmentPerMonth the monthly minimum commitment, 0 for none
 */
public record PlanVersion(String name, Instant effectiveFrom, NegotiatedPrices prices,
        Map<ChargeItem, BigDecimal> itemDiscountPercent, BigDecimal billDiscountPercent,
        BigDecimal commitmentPerMonth) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PlanVersion {
        Require.nonBlank(name, "name");
        if (name.contains("+")) {
            throw new IllegalArgumentException("a plan version's name must not contain '+', was " + name);
        }
        Objects.requireNonNull(effectiveFrom, "effective-from");
        Objects.requireNonNull(prices, "prices");
        itemDiscountPercent = Collections.unmodifiableMap(itemDiscountPercent.isEmpty()
                ? new EnumMap<>(ChargeItem.class) : new EnumMap<>(itemDiscountPercent));
        itemDiscountPercent.forEach((item, percent) -> requirePercent(percent, "item-discount-percent." + item.code(),
                false));
        requirePercent(billDiscountPercent, "bill-discount-percent", true);
        Require.nonNegative(commitmentPerMonth, "commitment-per-month");
    }

    /** The discount rate of a percentage, exact: 10 -> 0.10 (no rounding: a point moved). */
    static BigDecimal rate(BigDecimal percent) {
        return percent.movePointLeft(2);
    }

    private static void requirePercent(BigDecimal percent, String key, boolean zeroAllowed) {
        Objects.requireNonNull(percent, key);
        if (percent.compareTo(HUNDRED) > 0 || percent.signum() < 0 || (!zeroAllowed && percent.signum() == 0)) {
            throw new IllegalArgumentException(key + " must be " + (zeroAllowed ? "from 0" : "above 0") + " up to 100,"
                    + " was " + percent.toPlainString());
        }
    }
}
