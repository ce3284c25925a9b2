package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices one usage hour by the version in effect at the hour's start, with the attributes in force in that hour
 * (docs/billing-rules.md, "On demand"); a {@link UsageBlock} of n alike hours as n times its first, with its summed
 * traffic. The result is exact line parts; {@link DailyRating} sums and rounds them.
 */
final class HourRater {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(HourRounding.SECONDS_PER_HOUR);

    private final PriceBook book;

    HourRater(PriceBook book) {
        this.book = book;
    }

    /**
     * The block's parts; hours that metering did not mark billable produce nothing (rating adds no guesses).
     *
     * @throws IllegalArgumentException when the block's hours span a price change or two days in the zone
     */
    List<LinePart> rate(UsageBlock block) {
        UsageHour hour = block.first();
        if (!hour.billable()) {
            return List.of();
        }
        Parts parts = new Parts(hour, book.versionAt(hour.windowStart()), book.zone().date(hour.windowStart()));
        if (book.versionAt(block.lastHour()) != parts.version || !book.zone().date(block.lastHour()).equals(parts.date)) {
            throw new IllegalArgumentException("the hours " + hour.windowStart() + " to " + block.lastHour()
                    + " of container " + hour.containerId() + " span a price change or a day and cannot rate as one");
        }
        BigDecimal seconds = BigDecimal.valueOf(parts.version.hourRounding().billableSeconds(hour.activeSeconds())
                * block.hours());
        SpecPrice spec = parts.version.spec(hour.specId());
        if (hour.chargeType() == ChargeType.PACKAGE) {
            ratePackage(parts, spec, seconds);
        } else {
            parts.add(ChargeItem.COMPUTE, null, spec.onDemandPerHour(), seconds, SECONDS_PER_HOUR);
            if (hour.usePublicNetwork() && hour.networkChargeType() == NetworkChargeType.BANDWIDTH) {
                rateBandwidth(parts, seconds);
            } else if (hour.usePublicNetwork()) {
                rateTraffic(parts);
            }
        }
        return parts.list;
    }

    /**
     * A package hour is billable hours / hours in its calendar month in the zone of a month at package-per-month,
     * network included (docs/billing-rules.md, "Package").
     */
    private void ratePackage(Parts parts, SpecPrice spec, BigDecimal seconds) {
        BillingZone zone = book.zone();
        long monthSeconds = zone.secondsIn(zone.month(parts.hour.windowStart()));
        parts.add(ChargeItem.PACKAGE, null, spec.packagePerMonth(), seconds, BigDecimal.valueOf(monthSeconds));
    }

    /**
     * Bandwidth is graduated: each tier touched bills billable hours x the Mbps within it at its own price
     * (docs/billing-rules.md: 6 Mbps = 5 x 0.03 + 1 x 0.13).
     */
    private static void rateBandwidth(Parts parts, BigDecimal seconds) {
        int mbps = parts.hour.bandwidthMbps();
        int below = 0;
        List<BandwidthTier> tiers = parts.version.bandwidthTiers();
        for (int i = 0; i < tiers.size() && mbps > below; i++) {
            BandwidthTier tier = tiers.get(i);
            int within = (tier.open() ? mbps : Math.min(mbps, tier.upToMbps())) - below;
            parts.add(ChargeItem.BANDWIDTH, i + 1, tier.pricePerMbpsHour(), seconds.multiply(BigDecimal.valueOf(within)),
                    SECONDS_PER_HOUR);
            below = tier.open() ? mbps : tier.upToMbps();
        }
    }

    /**
     * Traffic bills outbound MB / mb-per-gb at traffic-out-per-gb, and inbound likewise only when its price is
     * not zero (docs/billing-rules.md: outbound only, 0.79 per GB; inbound is free); an hour whose traffic is an exception
     * (null MB) bills no traffic.
     */
    private static void rateTraffic(Parts parts) {
        PriceVersion version = parts.version;
        if (parts.hour.upMb() != null) {
            parts.add(ChargeItem.TRAFFIC_OUT, null, version.trafficOutPerGb(), parts.hour.upMb(), version.mbPerGb());
        }
        if (parts.hour.downMb() != null && version.trafficInPerGb().signum() != 0) {
            parts.add(ChargeItem.TRAFFIC_IN, null, version.trafficInPerGb(), parts.hour.downMb(), version.mbPerGb());
        }
    }

    /** The parts of one hour, keyed by its container, day and price version. */
    private static final class Parts {

        private final UsageHour hour;
        private final PriceVersion version;
        private final LocalDate date;
        private final List<LinePart> list = new ArrayList<>();

        Parts(UsageHour hour, PriceVersion version, LocalDate date) {
            this.hour = hour;
            this.version = version;
            this.date = date;
        }

        void add(ChargeItem item, Integer tier, BigDecimal unitPrice, BigDecimal numerator, BigDecimal denominator) {
            if (numerator.signum() == 0) {
                return;
            }
            LineKey key = new LineKey(hour.tenant(), date, hour.containerId(), hour.chargeType(), hour.specId(), item,
                    tier, version.name());
            list.add(new LinePart(key, unitPrice, numerator, denominator));
        }
    }
}
