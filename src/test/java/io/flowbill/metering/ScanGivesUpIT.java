package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A scan that cannot prove it saw every container fails and names the gap, and nothing is billed short: with one
 * pass allowed, a first run (every container new to the database) never settles.
 */
@TestPropertySource(properties = "flowbill.metering.max-scan-passes=1")
class ScanGivesUpIT extends SmallFleetBase {

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet();

    @Test
    void aListThatDoesNotSettleFailsTheRunNamingTheGapAndWritesNoUsage() {
        assertThatThrownBy(() -> metering.meter(settings.tenant(), SmallFleet.day(), false))
                .isInstanceOf(MeteringFailedException.class)
                .hasMessageContaining("did not settle after 1 passes")
                .hasMessageContaining("flowbill.metering.max-scan-passes");

        assertThat(jdbc.queryForObject("select count(*) from usage_hour", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from metered_window", Long.class)).isZero();
    }
}
