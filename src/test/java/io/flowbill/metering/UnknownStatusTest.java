package io.flowbill.metering;

import static io.flowbill.metering.FlowPlausibilityTest.HOUR;
import static io.flowbill.metering.FlowPlausibilityTest.PLAUSIBILITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowbill.metering.MeteringException.Kind;

/** Metering records an hour whose status the policy does not know as an exception that says how to teach it. */
class UnknownStatusTest {

    @Test
    void aStatusNoOneKnowsIsAnUnknownStatusExceptionNamingTheSettings() {
        FlowFetcher fetcher = new FlowFetcher(null, 1024, PLAUSIBILITY, StatusPolicy.BUILT_IN);

        assertThat(fetcher.statusProblems(hour("hibernate_ing"))).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_STATUS);
            assertThat(e.rawValue()).isEqualTo("hibernate_ing");
            assertThat(e.message()).contains("flowbill.metering.statuses.billed or .unbilled");
        });
        assertThat(fetcher.statusProblems(hour("suspended"))).as("a default").isEmpty();
    }

    @Test
    void aConfiguredStatusIsNoException() {
        FlowFetcher fetcher = new FlowFetcher(null, 1024, PLAUSIBILITY,
                StatusPolicy.configured(List.of("hibernate_ing"), List.of()));

        assertThat(fetcher.statusProblems(hour("hibernate_ing"))).isEmpty();
    }

    private static ContainerHour hour(String status) {
        return new ContainerHour(1, "c", HOUR.start().minusSeconds(86_400), null, HOUR, status, 1, 10, 1, 2, null,
                HOUR.start());
    }
}
