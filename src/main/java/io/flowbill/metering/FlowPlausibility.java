package io.flowbill.metering;

import java.math.BigDecimal;

import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.PriceVersion;
import io.flowbill.pricing.SpecPrice;

/**
 * The most traffic one container can plausibly move in one hour, in each direction (docs/billing-rules.md,
 * "Plausibility bound"). Traffic above it is an {@code implausible_flow} exception for that direction only, not
 * billed until a read returns a plausible value; the other direction keeps its value.
 * <ul>
 * <li>A container billed by bandwidth is bounded by its own link: {@code Mbps x 3,600 s / 8} MB, plus
 * {@link #HEADROOM}. Worked example: 5 Mbps carries 5 x 3,600 / 8 = 2,250 MB, bounded at 2,475 MB.</li>
 * <li>Any other container (billed by traffic, package, no public address) by its spec's
 * {@code max-traffic-gb-per-hour} in the price version in effect at the hour's start, times that version's
 * {@code mb-per-gb}: with the default 100 GB and 1024 MB per GB, 102,400 MB, so 4 TB (4,194,304 MB) is implausible.</li>
 * <li>When the book prices neither the spec nor the hour (rating makes that day an {@code unrateable_day} anyway),
 * by a link of {@code flowbill.metering.max-mbps}, as for bandwidth.</li>
 * </ul>
 */
final class FlowPlausibility {

    /**
     * 10 % above what the link carries: counters settle a little late, so some of an hour's traffic can be counted
     * in the next. It is on top of reading the link's megabytes (10^6 bytes) as flow MB (2^20 bytes), itself 4.9 %
     * looser: the bound catches wrong units and absurd values, not a link that runs a little hot.
     */
    static final BigDecimal HEADROOM = new BigDecimal("1.10");

    /** 3,600 s / 8 bits per byte: the MB one Mbps carries in an hour. */
    private static final BigDecimal MB_PER_MBPS_HOUR = BigDecimal.valueOf(450);
    private static final int BANDWIDTH_BILLED = 1;

    private final PriceBook book;
    private final int fallbackMbps;

    FlowPlausibility(PriceBook book, int fallbackMbps) {
        this.book = book;
        this.fallbackMbps = fallbackMbps;
    }

    /**
     * The bound of one container-hour and the rule that gave it.
     *
     * @param mb   MB per direction
     * @param rule how it was computed, for the exception's message
     */
    record Bound(BigDecimal mb, String rule) {
    }

    Bound bound(ContainerHour hour) {
        if (hour.networkChargeType() != null && hour.networkChargeType() == BANDWIDTH_BILLED
                && hour.bandwidth() != null && hour.bandwidth() > 0) {
            return new Bound(linkMb(hour.bandwidth()), "its bandwidth " + hour.bandwidth() + " Mbps x 3600 s / 8"
                    + " + 10 % headroom");
        }
        PriceVersion version;
        SpecPrice spec;
        try {
            version = book.versionAt(hour.window().start());
            spec = version.spec(hour.specId());
        }
        catch (IllegalArgumentException unpriced) {
            return new Bound(linkMb(fallbackMbps), "flowbill.metering.max-mbps " + fallbackMbps + " Mbps x 3600 s / 8"
                    + " + 10 % headroom, since the price book does not price spec " + hour.specId() + " at this hour");
        }
        return new Bound(spec.maxTrafficGbPerHour().multiply(version.mbPerGb()), "max-traffic-gb-per-hour "
                + spec.maxTrafficGbPerHour().toPlainString() + " x " + version.mbPerGb().toPlainString()
                + " MB of spec " + hour.specId() + " (" + spec.name() + ") in price version " + version.name());
    }

    /** The MB a link of {@code mbps} carries in an hour, with the headroom. */
    static BigDecimal linkMb(int mbps) {
        return MB_PER_MBPS_HOUR.multiply(BigDecimal.valueOf(mbps)).multiply(HEADROOM).stripTrailingZeros();
    }
}
