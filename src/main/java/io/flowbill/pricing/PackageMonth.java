package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One package container's totals of one spec for a calendar month in the billing zone, per price version: the
 * input of {@link PackageOverage}, the sums of its {@link PackageDay}s.
 *
 * @param tenant the container's tenant
 * @param containerId the container API's id
 * @param specId the container API's spec_id
 * @param month the calendar month in the price book's zone
 * @param usage the month's package usage under each price version, at least one, each version once
 */
public record PackageMonth(String tenant, long containerId, int specId, YearMonth month, List<Usage> usage) {

    public PackageMonth {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        usage = List.copyOf(usage);
        if (usage.isEmpty()) {
            throw new IllegalArgumentException("a package month needs the usage of at least one price version");
        }
        if (usage.stream().map(Usage::priceVersion).distinct().count() != usage.size()) {
            throw new IllegalArgumentException("a price version is given twice in the package month " + month
                    + " of container " + containerId + ": " + usage);
        }
    }

    /** Billable package seconds of the month, all versions together. */
    public long packageSeconds() {
        return usage.stream().mapToLong(Usage::packageSeconds).sum();
    }

    /**
     * The package usage of a month under one price version.
     *
     * @param priceVersion the version in effect at the start of these hours
     * @param packageSeconds billable package seconds (each hour's by its version's hour rounding)
     * @param outboundMb outbound traffic of those hours in MB
     */
    public record Usage(String priceVersion, long packageSeconds, BigDecimal outboundMb) {

        public Usage {
            Require.nonBlank(priceVersion, "priceVersion");
            if (packageSeconds < 0) {
                throw new IllegalArgumentException("packageSeconds must not be negative, was " + packageSeconds);
            }
            Require.nonNegative(outboundMb, "outboundMb");
        }
    }
}
