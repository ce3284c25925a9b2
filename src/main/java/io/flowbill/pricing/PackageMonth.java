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

    public PackageMonth {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        Require.nonNegative(packageHours, "packageHours");
        Require.nonNegative(outboundMb, "outboundMb");
    }
}
