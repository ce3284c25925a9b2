package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The month-level package overage line: outbound GB above the allowance, prorated for part months (NOTES.md:
 * "traffic above the allowance at 0.79 per GB; the allowance is prorated for part months").
 */
public final class PackageOverage {

    private final PriceBook book;

    public PackageOverage(PriceBook book) {
        this.book = book;
    }

    /**
     * The overage of a package month: max(0, outbound GB - package-traffic-gb x package hours / hours in the
     * month) at package-overage-per-gb, priced by the version in effect at the month's last second and dated
     * the month's last day (the pricing issue, "Package"); empty when within the allowance.
     */
    public Optional<ChargeLine> rate(PackageMonth month) {
        BillingZone zone = book.zone();
        Instant last = zone.lastSecondOf(month.month());
        PriceVersion version = book.versionAt(last);
        SpecPrice spec = version.spec(month.specId());
        BigDecimal monthSeconds = BigDecimal.valueOf(zone.secondsIn(month.month()));
        BigDecimal packageSeconds = month.packageHours().multiply(BigDecimal.valueOf(HourRounding.SECONDS_PER_HOUR));
        if (packageSeconds.compareTo(monthSeconds) > 0) {
            throw new IllegalArgumentException(month.packageHours() + " package hours exceed the month "
                    + month.month() + " of container " + month.containerId());
        }
        // overage GB = (outMB x monthSeconds - allowanceGB x mbPerGb x packageSeconds) / (mbPerGb x monthSeconds)
        BigDecimal numerator = month.outboundMb().multiply(monthSeconds)
                .subtract(spec.packageTrafficGb().multiply(version.mbPerGb()).multiply(packageSeconds));
        if (numerator.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal quantity = Rounding.quantity(numerator, version.mbPerGb().multiply(monthSeconds));
        LineKey key = new LineKey(month.tenant(), zone.date(last), month.containerId(), ChargeType.PACKAGE,
                month.specId(), ChargeItem.PACKAGE_OVERAGE, null, version.name());
        return Optional.of(key.toLine(quantity, version.packageOveragePerGb(), book.currency()));
    }
}
