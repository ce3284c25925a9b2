package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.flowbill.sandbox.Container;
import io.flowbill.sandbox.FlowAmount;
import io.flowbill.sandbox.MalformedFlow;

/** Meters whole days of the small fleet against the sandbox and a real PostgreSQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeteringDayIT extends SmallFleetBase {

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet();

    @Test
    @Order(1)
    void meteringADayRecordsExactlyTheSandboxFlowOfEveryContainer() throws Exception {
        MeteringRange day = SmallFleet.day();

        MeteringSummary summary = metering.meter(settings.tenant(), day, false);

        assertThat(summary.windows()).isEqualTo(24);
        assertThat(summary.inventoryCollected()).as("the scan counts what it collected")
                .isEqualTo(fleet.sandbox.fleet().list().size()).isEqualTo((int) summary.inventoryReported());
        int checked = 0;
        for (Container container : fleet.sandbox.fleet().list()) {
            if (!container.createdAt().isBefore(day.to())) {
                continue;
            }
            FlowAmount expected = fleet.sandbox.flowModel().flow(container.id(), day.from(), day.to());
            Map<String, Object> metered = jdbc.queryForMap("""
                    select count(*) as hours, sum(up_mb) as up, sum(down_mb) as down from usage_hour
                     where container_id = ? and window_start >= ? and window_start < ?
                    """, container.id(), Timestamp.from(day.from()), Timestamp.from(day.to()));
            assertThat((BigDecimal) metered.get("up")).as("container='%s', day='%s', item='up'", container.id(), day.from())
                    .isEqualByComparingTo(expected.upMb());
            assertThat((BigDecimal) metered.get("down")).as("container='%s', day='%s', item='down'", container.id(), day.from())
                    .isEqualByComparingTo(expected.downMb());
            checked++;
        }
        assertThat(checked).isGreaterThan(SmallFleet.CONTAINERS / 2);
        assertThat(summary.usageRows()).isEqualTo(count("select count(*) from usage_hour"));
    }

    @Test
    @Order(2)
    void rerunOfTheSameDayWritesNothingNew() throws Exception {
        String before = fingerprint();

        MeteringSummary again = metering.meter(settings.tenant(), SmallFleet.day(), false);
        MeteringSummary refreshed = metering.meter(settings.tenant(), SmallFleet.day(), true);

        assertThat(again.alreadyMetered()).isTrue();
        assertThat(refreshed.alreadyMetered()).isFalse();
        assertThat(refreshed.revisedHours()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void statusesSeenInTheWildHaveDefaultsAndMalformedFlowBecomesAnExceptionWhileTheRestIsMetered() throws Exception {
        MeteringRange dayBefore = new MeteringRange(SmallFleet.DAY.minus(Duration.ofDays(1)), SmallFleet.DAY);
        long malformed = fleet.sandbox.fleet().list().stream()
                .filter(c -> c.createdAt().isBefore(dayBefore.from()) && c.status().equals("create_succ"))
                .findFirst().orElseThrow().id();
        fleet.sandbox.faults().malformedFlowFor(malformed, MalformedFlow.NAN);

        metering.meter(settings.tenant(), dayBefore, false);

        // the sandbox's statuses seen in the wild have defaults: migrate_ing billed, suspended not billed
        assertThat(jdbc.queryForList("select distinct status || ' ' || billable from usage_hour"
                + " where status in ('migrate_ing', 'suspended')", String.class))
                .as("hours of the statuses seen in the wild").isNotEmpty()
                .isSubsetOf("migrate_ing true", "suspended false");
        assertThat(count("select count(*) from metering_exception where kind = 'unknown_status'"))
                .as("no status of the sandbox is unknown").isZero();
        Map<String, Object> bad = jdbc.queryForMap("""
                select count(*) as hours, count(up_mb) as with_traffic, sum(active_seconds) as seconds from usage_hour
                 where container_id = ? and window_start >= ? and window_start < ?
                """, malformed, Timestamp.from(dayBefore.from()), Timestamp.from(dayBefore.to()));
        assertThat(((Number) bad.get("hours")).intValue()).as("container='%s' hours still count", malformed).isEqualTo(24);
        assertThat(((Number) bad.get("with_traffic")).intValue()).as("container='%s' traffic not guessed", malformed).isZero();
        assertThat(((Number) bad.get("seconds")).intValue()).isEqualTo(24 * 3600);
        assertThat(jdbc.queryForList("select raw_value from metering_exception where kind = 'malformed_flow' and container_id = ?",
                String.class, malformed)).hasSize(24).containsOnly("NaNMB");
        assertThat(count("select count(*) from usage_hour where up_mb is not null and window_start < ?",
                Timestamp.from(SmallFleet.DAY))).as("the rest of the fleet is metered").isGreaterThan(1000);
    }

    @Test
    @Order(4)
    void refreshThatFindsDifferentTrafficUpdatesItAndRecordsTheRevision() throws Exception {
        fleet.sandbox.faults().reset();
        Map<String, Object> row = jdbc.queryForMap("""
                select container_id, window_start, up_mb from usage_hour
                 where up_mb > 0 and window_start >= ? order by container_id, window_start limit 1
                """, Timestamp.from(SmallFleet.DAY));
        jdbc.update("update usage_hour set up_mb = up_mb + 1 where container_id = ? and window_start = ?",
                row.get("container_id"), row.get("window_start"));

        MeteringSummary refreshed = metering.meter(settings.tenant(), SmallFleet.day(), true);

        assertThat(refreshed.revisedHours()).as("only the altered hour differs from the API").isEqualTo(1);
        assertThat(jdbc.queryForObject("select up_mb from usage_hour where container_id = ? and window_start = ?",
                BigDecimal.class, row.get("container_id"), row.get("window_start")))
                .as("container='%s', window='%s'", row.get("container_id"), row.get("window_start"))
                .isEqualByComparingTo((BigDecimal) row.get("up_mb"));
        Map<String, Object> revision = jdbc.queryForMap("select old_up_mb, new_up_mb from usage_revision where container_id = ?",
                row.get("container_id"));
        assertThat((BigDecimal) revision.get("old_up_mb"))
                .isEqualByComparingTo(((BigDecimal) row.get("up_mb")).add(BigDecimal.ONE));
        assertThat((BigDecimal) revision.get("new_up_mb")).isEqualByComparingTo((BigDecimal) row.get("up_mb"));
    }

    @Test
    @Order(5)
    void refreshThatReadsAMalformedValueKeepsTheGoodOneAndRecordsTheException() throws Exception {
        long container = jdbc.queryForObject("""
                select container_id from usage_hour where up_mb > 0 and window_start >= ? order by container_id limit 1
                """, Long.class, Timestamp.from(SmallFleet.DAY));
        String before = fingerprint();
        fleet.sandbox.faults().malformedFlowFor(container, MalformedFlow.NEGATIVE);

        metering.meter(settings.tenant(), SmallFleet.day(), true);
        fleet.sandbox.faults().reset();

        assertThat(fingerprint()).as("container='%s': good traffic kept", container).isEqualTo(before);
        assertThat(count("select count(*) from metering_exception where container_id = ? and kind = 'malformed_flow'"
                + " and raw_value = '-12.0MB' and window_start >= ?", container, Timestamp.from(SmallFleet.DAY)))
                .isEqualTo(24);
    }

    private String fingerprint() {
        return jdbc.queryForObject("""
                select count(*) || ':' || coalesce(sum(up_mb), 0) || ':' || coalesce(sum(down_mb), 0) || ':'
                       || coalesce(sum(active_seconds), 0) || ':' || count(*) filter (where inferred)
                  from usage_hour
                """, String.class);
    }

}
