package io.flowbill.export;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

import io.flowbill.pricing.PlanLine;

/**
 * What an invoice document says for a line where the CSV keeps its codes: a unit label a person reads ({@code h},
 * {@code Mbps·h}, {@code GB}, {@code month}) and the description of a plan line (a discount says its rate, what it
 * discounts and its plan; a commitment shortfall says what was committed and what was charged). The CSV keeps the
 * codes and exact figures.
 */
final class InvoiceLabels {

    /** The CSV's units as the documents print them; any other unit is printed as it is. */
    private static final Map<String, String> UNITS = Map.of("hour", "h", "Mbps_hour", "Mbps\u00b7h", "GB", "GB",
            "month", "month");

    private static final String BILL = "bill";

    private InvoiceLabels() {
    }

    /**
     * The unit of a document line: a discount's quantity is an amount in the currency (its CSV unit names what it
     * discounts, which its description says); the other units by {@link #UNITS}.
     */
    static String unit(String item, String unit, String currency) {
        if (PlanLine.DISCOUNT.equals(item)) {
            return currency;
        }
        return UNITS.getOrDefault(unit, unit);
    }

    /** {@code 10 % discount on compute (plan demo-2020)}, {@code 5 % discount on the bill (plan acme-2)}. */
    static String discount(String discounted, BigDecimal unitPrice, String plan) {
        String base = BILL.equals(discounted) ? "the bill" : discounted;
        return InvoiceNumbers.percent(unitPrice.negate()) + " % discount on " + base + planSuffix(plan);
    }

    /**
     * {@code commitment shortfall: 100,000.00 committed, 297.89 charged (plan p)}: the shortfall is the commitment
     * less the month's charges after discounts, so the commitment is the shortfall plus those charges.
     */
    static String shortfall(BigDecimal shortfall, BigDecimal charged, String plan) {
        return "commitment shortfall: " + grouped(shortfall.add(charged)) + " committed, " + grouped(charged)
                + " charged" + planSuffix(plan);
    }

    private static String planSuffix(String plan) {
        return plan == null || plan.isEmpty() ? "" : " (plan " + plan + ")";
    }

    /** An amount with thousands separators and all its decimals (never rounded here): {@code 100,000.00}. */
    static String grouped(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int places = Math.max(2, amount.scale());
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        return format.format(amount);
    }
}
