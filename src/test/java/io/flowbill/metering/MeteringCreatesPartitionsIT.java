package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A metering run creates the partitions of the months it writes before it writes (docs/scaling.md, "Partitioned
 * tables and retention"): its hours land in their month's partition, none in the default one.
 */
class MeteringCreatesPartitionsIT extends SmallFleetBase {

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet();

    @Test
    void meteringADayOfAMonthWithoutPartitionCreatesItFirst() throws Exception {
        // given November 2026 has no partitions
        jdbc.execute("drop table usage_hour_202611");
        jdbc.execute("drop table charge_line_202611");

        // when
        metering.meter(settings.tenant(), SmallFleet.day(), false);

        // then
        assertThat(jdbc.queryForList("select distinct tableoid::regclass::text from usage_hour", String.class))
                .containsExactly("usage_hour_202611");
        assertThat(count("select count(*) from pg_class where relname = 'charge_line_202611'")).isOne();
    }
}
