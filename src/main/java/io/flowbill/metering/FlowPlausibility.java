package io.flowbill.metering;

import java.math.BigDecimal;

/**
 * The most traffic one container can plausibly move in one hour, in each direction: what its link carries in
 * 3,600 s. A container billed by bandwidth has its own link ({@code bandwidth} Mbps); any other container is
 * bounded by {@code flowbill.metering.max-mbps}. In MB (the flow unit, 1 MB = 1,048,576 bytes):
 * {@code mbps x 1,000,000 / 8 x 3,600 / 1,048,576}. Worked example: 8 Mbps carries 8 x 125,000 x 3,600 =
 * 3,600,000,000 bytes = 3433.2275390625 MB in an hour; the default 10,000 Mbps carries 4,291,534.423828125 MB
 * (about 4.1 TB). Traffic above the bound is an {@code implausible_flow} exception and is not billed until a read
 * returns a plausible value.
 */
final class FlowPlausibility {

    private static final BigDecimal BYTES_PER_MBPS_HOUR = BigDecimal.valueOf(125_000L * 3_600L);
    private static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1_048_576L);
    private static final int BANDWIDTH_BILLED = 1;

    private final int maxMbps;

    FlowPlausibility(int maxMbps) {
        this.maxMbps = maxMbps;
    }

    /** The bound in MB per direction for this container-hour. */
    BigDecimal boundMb(ContainerHour hour) {
        int mbps = maxMbps;
        if (hour.networkChargeType() != null && hour.networkChargeType() == BANDWIDTH_BILLED
                && hour.bandwidth() != null && hour.bandwidth() > 0) {
            mbps = hour.bandwidth();
        }
        return megabytesPerHour(mbps);
    }

    static BigDecimal megabytesPerHour(int mbps) {
        // exact: the divisor is a power of two, so the quotient is a finite decimal
        return BYTES_PER_MBPS_HOUR.multiply(BigDecimal.valueOf(mbps)).divide(BYTES_PER_MB).stripTrailingZeros();
    }
}
