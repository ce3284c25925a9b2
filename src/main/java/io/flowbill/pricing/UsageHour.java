package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One container's usage in one UTC clock hour, as metering stores it, with the attributes in force in that hour.
 *
 * @param tenant the tenant that owns the container
 * @param containerId the container API's id
 * @param windowStart the start of the clock hour, a whole UTC hour
 * @param activeSeconds seconds of the hour the container was running, 0..3600
 * @param billable whether metering decided the hour is billable; rating prices nothing else
 * @param chargeType package or on demand
 * @param specId the container API's spec_id
 * @param usePublicNetwork whether the container has a public network
 * @param networkChargeType by bandwidth or by traffic; required for an on-demand public container, else may be null
 * @param bandwidthMbps the fixed bandwidth in Mbps, 0 when none
 * @param upMb outbound traffic in the hour in MB; {@code null} when the hour's traffic is an exception
 * @param downMb inbound traffic in the hour in MB; {@code null} when the hour's traffic is an exception
 */
public record UsageHour(String tenant, long containerId, Instant windowStart, int activeSeconds, boolean billable,
        ChargeType chargeType, int specId, boolean usePublicNetwork, NetworkChargeType networkChargeType,
        int bandwidthMbps, BigDecimal upMb, BigDecimal downMb) {

    public UsageHour {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(windowStart, "windowStart");
        if (windowStart.getEpochSecond() % HourRounding.SECONDS_PER_HOUR != 0 || windowStart.getNano() != 0) {
            throw new IllegalArgumentException("windowStart must be a whole UTC hour, was " + windowStart);
        }
        if (activeSeconds < 0 || activeSeconds > HourRounding.SECONDS_PER_HOUR) {
            throw new IllegalArgumentException("activeSeconds must be within 0..3600, was " + activeSeconds);
        }
        Objects.requireNonNull(chargeType, "chargeType");
        if (chargeType == ChargeType.ON_DEMAND && usePublicNetwork && networkChargeType == null) {
            throw new IllegalArgumentException("an on-demand container with a public network needs a networkChargeType,"
                    + " container " + containerId + " at " + windowStart);
        }
        if (bandwidthMbps < 0) {
            throw new IllegalArgumentException("bandwidthMbps must not be negative, was " + bandwidthMbps);
        }
        if (upMb != null) {
            Require.nonNegative(upMb, "upMb");
        }
        if (downMb != null) {
            Require.nonNegative(downMb, "downMb");
        }
    }

    /** Whether this hour belongs to the same tenant and container as {@code other}. */
    public boolean sameContainer(UsageHour other) {
        return containerId == other.containerId && tenant.equals(other.tenant);
    }
}
