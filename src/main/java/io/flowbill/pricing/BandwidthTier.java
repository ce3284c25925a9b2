package io.flowbill.pricing;

import java.math.BigDecimal;

/**
 * One graduated bandwidth tier: the Mbps above the previous tier's limit up to {@code upToMbps} cost
 * {@code pricePerMbpsHour} each per hour (docs/billing-rules.md: graduated at 5 Mbps).
 *
 * @param upToMbps the tier's upper limit in Mbps, inclusive; {@code null} for the last, open tier
 * @param pricePerMbpsHour the price of one Mbps for one hour within this tier
 */
public record BandwidthTier(Integer upToMbps, BigDecimal pricePerMbpsHour) {

    public BandwidthTier {
        if (upToMbps != null && upToMbps <= 0) {
            throw new IllegalArgumentException("up-to-mbps must be positive, was " + upToMbps);
        }
        Require.nonNegative(pricePerMbpsHour, "price");
    }

    /** Whether this is the open, last tier. */
    public boolean open() {
        return upToMbps == null;
    }
}
