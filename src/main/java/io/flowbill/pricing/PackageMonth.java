package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One package container's totals for a calendar month in the billing zone, the input of {@link PackageOverage}.
 *
 * @param tenant the container's tenant
 * @param containerId the container API's id
 * @param specId the container API's spec_id
 * @param month the calendar month in the price book's zone
 * @param packageHours billable package hours in the month (the sum of each billable hour's h)
 * @param outboundMb outbound traffic of those hours in MB
 */
public record PackageMonth(String tenant, long containerId, int specId, YearMonth month, BigDecimal packageHours,
        BigDecimal outboundMb) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(HourRounding.SECONDS_PER_HOUR);

    /**
     * The month of the sums of a container's {@link PackageDay}s of one spec: package hours are the seconds / 3600,
     * divided once ({@link Rounding#quantity}).
     */
    public static PackageMonth of(String tenant, long containerId, int specId, YearMonth month, long packageSeconds,
            BigDecimal outboundMb) {
        return new PackageMonth(tenant, containerId, specId, month,
                Rounding.quantity(BigDecimal.valueOf(packageSeconds), SECONDS_PER_HOUR), outboundMb);
    }

    public PackageMonth {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        Require.nonNegative(packageHours, "packageHours");
        Require.nonNegative(outboundMb, "outboundMb");
    }
}
