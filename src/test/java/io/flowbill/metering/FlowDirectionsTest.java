package io.flowbill.metering;

import static io.flowbill.metering.FlowPlausibilityTest.HOUR;
import static io.flowbill.metering.FlowPlausibilityTest.PLAUSIBILITY;
import static io.flowbill.metering.FlowPlausibilityTest.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowbill.containerapi.ContainerFlow;
import io.flowbill.metering.MeteringException.Kind;

/**
 * Each direction of a container-hour is judged on its own: an implausible or malformed value makes that direction
 * unknown (pending) and keeps the other's valid value. 1 GB of the API = 1024 MB.
 */
class FlowDirectionsTest {

    static final FlowFetcher FETCHER = new FlowFetcher(null, 1024, PLAUSIBILITY, StatusPolicy.BUILT_IN);

    @Test
    void fourTbOutboundOnATrafficBilledSmallContainerIsImplausibleAndTheInboundIsKept() {
        // 小型 billed by traffic, default bound 100 GB = 102,400 MB; 4TB = 4 x 1024 x 1024 = 4,194,304 MB
        MeteredHour metered = FETCHER.measured(hour(HOUR, 10, 2, null), new ContainerFlow("4TB", "1.5GB"), List.of());

        assertThat(metered.upMb()).as("outbound 4TB").isNull();
        assertThat(metered.downMb()).as("inbound 1.5GB = 1536 MB, kept").isEqualByComparingTo("1536");
        assertThat(metered.trafficPending()).isTrue();
        assertThat(metered.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.IMPLAUSIBLE_FLOW);
            assertThat(e.rawValue()).isEqualTo("4TB");
            assertThat(e.message()).contains("container_up_flow 4194304 MB", "102400 MB", "max-traffic-gb-per-hour 100");
        });
    }

    @Test
    void anImplausibleInboundKeepsTheOutbound() {
        MeteredHour metered = FETCHER.measured(hour(HOUR, 10, 2, null), new ContainerFlow("100GB", "4TB"), List.of());

        assertThat(metered.upMb()).as("outbound 100GB = 102,400 MB, exactly the bound").isEqualByComparingTo("102400");
        assertThat(metered.downMb()).isNull();
    }

    @Test
    void aFiveMbpsContainerMayMove2475MbAnHourAndNoMore() {
        ContainerFlow within = new ContainerFlow("2475MB", "0MB");
        ContainerFlow above = new ContainerFlow("2475.000001MB", "12MB");

        assertThat(FETCHER.measured(hour(HOUR, 10, 1, 5), within, List.of()).upMb()).isEqualByComparingTo("2475");
        MeteredHour metered = FETCHER.measured(hour(HOUR, 10, 1, 5), above, List.of());
        assertThat(metered.upMb()).isNull();
        assertThat(metered.downMb()).isEqualByComparingTo("12");
        assertThat(metered.exceptions()).extracting(MeteringException::message).singleElement().asString()
                .contains("2475 MB", "bandwidth 5 Mbps");
    }

    @Test
    void aMalformedDirectionKeepsTheOtherToo() {
        MeteredHour metered = FETCHER.measured(hour(HOUR, 10, 2, null), new ContainerFlow("abcGB", "3MB"), List.of());

        assertThat(metered.upMb()).isNull();
        assertThat(metered.downMb()).isEqualByComparingTo("3");
        assertThat(metered.exceptions()).extracting(MeteringException::kind).containsExactly(Kind.MALFORMED_FLOW);
    }

    @Test
    void bothDirectionsPlausibleAreKnownAndNotPending() {
        MeteredHour metered = FETCHER.measured(hour(HOUR, 10, 2, null), new ContainerFlow("1GB", "2GB"), List.of());

        assertThat(metered.trafficKnown()).isTrue();
        assertThat(metered.trafficPending()).isFalse();
        assertThat(metered.exceptions()).isEmpty();
    }
}
