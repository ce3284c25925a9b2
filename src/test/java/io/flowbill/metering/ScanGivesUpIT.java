package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.FlowbillApplication;

/**
 * A scan that cannot prove it saw every container fails and names the gap, and nothing is billed short: with one
 * pass allowed, a first run (every container new to the database) never settles.
 */
@SpringBootTest(classes = FlowbillApplication.class, properties = "flowbill.metering.max-scan-passes=1")
@Import(SmallFleet.SharedClock.class)
class ScanGivesUpIT {

    static final SmallFleet fleet = new SmallFleet();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SmallFleet.SharedClock.fleet = fleet;
        fleet.register(registry);
    }

    @Autowired
    MeteringService metering;

    @Autowired
    MeteringProperties settings;

    @Autowired
    JdbcTemplate jdbc;

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
