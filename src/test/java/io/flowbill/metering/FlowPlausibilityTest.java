package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The most one container-hour can move: its link for 3,600 s, worked by hand. */
class FlowPlausibilityTest {

    static final UsageWindow HOUR = new UsageWindow(Instant.parse("2026-11-20T00:00:00Z"));

    @Test
    void aContainerBilledByBandwidthIsBoundedByItsOwnLink() {
        // 8 Mbps x 125,000 bytes/s per Mbps x 3,600 s = 3,600,000,000 bytes / 1,048,576 = 3433.2275390625 MB
        assertThat(new FlowPlausibility(10_000).boundMb(hour(1, 8))).isEqualByComparingTo("3433.2275390625");
    }

    @Test
    void anyOtherContainerIsBoundedByMaxMbps() {
        // 10,000 Mbps: 4,500,000,000,000 bytes / 1,048,576 = 4,291,534.423828125 MB (exact: 2^20 divides evenly)
        assertThat(new FlowPlausibility(10_000).boundMb(hour(2, 8))).isEqualByComparingTo("4291534.423828125");
        assertThat(new FlowPlausibility(10_000).boundMb(hour(null, null))).isEqualByComparingTo("4291534.423828125");
    }

    @Test
    void aBandwidthBilledContainerWithoutABandwidthFallsBackToMaxMbps() {
        assertThat(new FlowPlausibility(100).boundMb(hour(1, null))).isEqualByComparingTo("42915.34423828125");
    }

    private static ContainerHour hour(Integer networkChargeType, Integer bandwidth) {
        return new ContainerHour(1, "c", HOUR.start().minusSeconds(86_400), null, HOUR, "create_succ", 1, 10, 1,
                networkChargeType, bandwidth, HOUR.start());
    }
}
