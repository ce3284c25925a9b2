package io.flowbill.metering;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;

/**
 * What every metering test on the {@link SmallFleet} shares: one Spring context pointed at {@link SmallFleet#BASE_URL}
 * with the fleet's clock, no retries (a fault a test injects is seen at once), up to 5% of container-hours
 * unreadable before a run fails, and the beans the tests drive. A subclass registers its own fleet.
 */
@IntegrationTest(properties = { "flowbill.api.base-url=" + SmallFleet.BASE_URL, "flowbill.api.token=" + SmallFleet.TOKEN,
    "flowbill.api.initial-backoff=10ms", "flowbill.api.max-backoff=50ms", "flowbill.api.requests-per-second=0",
    "flowbill.api.max-retries=0", "flowbill.metering.max-failure-share=0.05" })
@Import(SmallFleet.SharedClock.class)
abstract class SmallFleetBase {

    @Autowired
    MeteringService metering;

    @Autowired
    MeteringProperties settings;

    @Autowired
    JdbcTemplate jdbc;

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
