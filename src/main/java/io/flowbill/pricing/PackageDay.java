package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One package container's usage in one day in the billing zone, per spec and price version: what the month's
 * overage sums ({@link PackageMonth}), each version's hours bringing that version's allowance.
 *
 * @param tenant the container's tenant
 * @param date the day in the price book's zone
 * @param containerId the container API's id
 * @param specId the container API's spec_id
 * @param priceVersion the version in effect at the start of these hours
 * @param packageSeconds billable package seconds, each hour's by the hour rounding of its price version
 * @param outboundMb outbound traffic of those hours in MB (an hour whose traffic is an exception adds none)
 */
public record PackageDay(String tenant, LocalDate date, long containerId, int specId, String priceVersion,
        long packageSeconds, BigDecimal outboundMb) {

    public PackageDay {
        Require.nonBlank(tenant, "tenant");
        Require.nonBlank(priceVersion, "priceVersion");
        if (packageSeconds < 0) {
            throw new IllegalArgumentException("packageSeconds must not be negative, was " + packageSeconds);
        }
        Require.nonNegative(outboundMb, "outboundMb");
    }
}
