package io.flowbill.pricing;

import java.math.BigDecimal;

/**
 * The prices of one container spec in one price version.
 *
 * @param name the spec's display name, e.g. 小型
 * @param onDemandPerHour price of one on-demand hour (docs/billing-rules.md)
 * @param packagePerMonth price of one package month (not documented; the bundled book uses 720 x the hourly price)
 * @param packageTrafficGb outbound GB included in one package month (100 GB in the bundled book)
 * @param maxTrafficGbPerHour the most GB (of the version's {@code mb-per-gb}) one container of this spec not billed by
 *        bandwidth can plausibly move in one hour, per direction; more is an {@code implausible_flow} exception
 *        (docs/billing-rules.md, "Plausibility bound"). {@link #DEFAULT_MAX_TRAFFIC_GB_PER_HOUR} when the book does
 *        not say
 */
public record SpecPrice(String name, BigDecimal onDemandPerHour, BigDecimal packagePerMonth,
        BigDecimal packageTrafficGb, BigDecimal maxTrafficGbPerHour) {

    /**
     * 100 GB an hour per direction: a link of about 240 Mbps kept full for the whole hour (100 x 1024 x 1,048,576 x 8
     * bits / 3,600 s), above the 200 Mbps peak that clouds give a traffic-billed public address and above the busiest
     * hour of the sandbox (84.4 GB); far below the typos it is there to catch (4 TB for 4 GB).
     */
    public static final BigDecimal DEFAULT_MAX_TRAFFIC_GB_PER_HOUR = BigDecimal.valueOf(100);

    public SpecPrice {
        Require.nonBlank(name, "name");
        Require.nonNegative(onDemandPerHour, "on-demand-per-hour");
        Require.nonNegative(packagePerMonth, "package-per-month");
        Require.nonNegative(packageTrafficGb, "package-traffic-gb");
        Require.nonNegative(maxTrafficGbPerHour, "max-traffic-gb-per-hour");
        if (maxTrafficGbPerHour.signum() == 0) {
            throw new IllegalArgumentException("max-traffic-gb-per-hour must be positive, was 0");
        }
    }

    /** A spec with the default plausibility bound ({@link #DEFAULT_MAX_TRAFFIC_GB_PER_HOUR}). */
    public SpecPrice(String name, BigDecimal onDemandPerHour, BigDecimal packagePerMonth, BigDecimal packageTrafficGb) {
        this(name, onDemandPerHour, packagePerMonth, packageTrafficGb, DEFAULT_MAX_TRAFFIC_GB_PER_HOUR);
    }
}
