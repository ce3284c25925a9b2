package io.flowbill.pricing;

import java.math.BigDecimal;

/**
 * The prices of one container spec in one price version.
 *
 * @param name the spec's display name, e.g. 小型
 * @param onDemandPerHour price of one on-demand hour (docs/billing-rules.md)
 * @param packagePerMonth price of one package month (not documented; the bundled book uses 720 x the hourly price)
 * @param packageTrafficGb outbound GB included in one package month (100 GB in the bundled book)
 */
public record SpecPrice(String name, BigDecimal onDemandPerHour, BigDecimal packagePerMonth,
        BigDecimal packageTrafficGb) {

    public SpecPrice {
        Require.nonBlank(name, "name");
        Require.nonNegative(onDemandPerHour, "on-demand-per-hour");
        Require.nonNegative(packagePerMonth, "package-per-month");
        Require.nonNegative(packageTrafficGb, "package-traffic-gb");
    }
}
