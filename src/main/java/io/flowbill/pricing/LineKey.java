package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** What identifies a charge line: usage with equal keys is summed into one line. */
record LineKey(String tenant, LocalDate date, long containerId, ChargeType chargeType, int specId, ChargeItem item,
        Integer tier, String priceVersion) {

    /** The line for a stored quantity, its amount computed by the rounding owner. */
    ChargeLine toLine(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return new ChargeLine(tenant, date, containerId, chargeType, specId, item, tier, quantity, unitPrice,
                Rounding.amount(quantity, unitPrice, currency), currency, priceVersion);
    }
}
