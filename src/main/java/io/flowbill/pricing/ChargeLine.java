package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A daily (or, for package overage, monthly) charge line. Its quantity has 9 decimal places and its amount is
 * round(quantity x unit price, currency digits, HALF_UP) of that stored quantity, checked here on construction.
 *
 * @param tenant the container's tenant
 * @param date the billing day in the price book's zone (for package overage: the month's last day)
 * @param containerId the container API's id
 * @param chargeType package or on demand
 * @param specId the container API's spec_id
 * @param item what is charged
 * @param tier 1-based bandwidth tier for {@link ChargeItem#BANDWIDTH}, else {@code null}
 * @param quantity in {@link #unit()}, scale 9
 * @param unitPrice the price of one unit
 * @param amount quantity x unit price, rounded by {@link Rounding#amount}
 * @param currency the price book's currency
 * @param priceVersion the name of the price version that priced the line
 */
public record ChargeLine(String tenant, LocalDate date, long containerId, ChargeType chargeType, int specId,
        ChargeItem item, Integer tier, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, Currency currency,
        String priceVersion) {

    public ChargeLine {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(chargeType, "chargeType");
        Objects.requireNonNull(item, "item");
        if ((item == ChargeItem.BANDWIDTH) != (tier != null)) {
            throw new IllegalArgumentException("a tier is given exactly for bandwidth lines, item " + item.code()
                    + " tier " + tier);
        }
        Require.nonNegative(quantity, "quantity");
        if (quantity.scale() != Rounding.QUANTITY_SCALE) {
            throw new IllegalArgumentException("quantity must have scale 9, was " + quantity);
        }
        Require.nonNegative(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        if (!amount.equals(Rounding.amount(quantity, unitPrice, currency))) {
            throw new IllegalArgumentException("amount " + amount + " is not round(" + quantity + " x " + unitPrice
                    + ") for container " + containerId + " on " + date);
        }
        Require.nonBlank(priceVersion, "priceVersion");
    }

    /** The unit of the quantity, e.g. {@code hour} or {@code Mbps_hour}. */
    public String unit() {
        return item.unit();
    }
}
