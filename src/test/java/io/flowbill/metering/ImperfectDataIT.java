package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.flowbill.sandbox.Container;
import io.flowbill.sandbox.Endpoint;
import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.FlowAmount;
import io.flowbill.sandbox.MalformedFlow;

/**
 * The API behaves like a real one: the list changes while a first run pages it, flows stay unreadable, values are
 * absurd or endless, containers vanish between sightings. Every container the list ever showed is metered to the
 * sandbox's own figures, every hour is written, and what is not known is an exception with a reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImperfectDataIT extends SmallFleetBase {

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet();

    static final Instant DAY_END = SmallFleet.DAY.plus(Duration.ofDays(1));
    static long deleted;

    @Test
    @Order(1)
    void aFirstRunOnAChurningListMetersEveryContainerTheListShowedToTheSandboxFigures() throws Exception {
        // given: an empty database, and a list that loses 3 containers before the cursor and gains 3 at its end
        // before every page (later containers move up a place, onto pages already read)
        Set<Long> existedDuringTheDay = existedDuring(SmallFleet.day());
        fleet.sandbox.stats().recordListedIds();
        fleet.sandbox.faults().listChurn(3);

        // when
        MeteringSummary summary = metering.meter(settings.tenant(), SmallFleet.day(), false);
        fleet.sandbox.faults().listChurn(0);

        // then: every container a client could know (the list showed it, or it is still there) is metered
        Set<Long> knowable = new HashSet<>(fleet.sandbox.stats().listedIds());
        fleet.sandbox.fleet().list().forEach(c -> knowable.add(c.id()));
        knowable.retainAll(existedDuringTheDay);
        Set<Long> stillThere = new HashSet<>(existedDuringTheDay);
        stillThere.retainAll(fleet.sandbox.fleet().list().stream().map(Container::id).toList());
        assertThat(stillThere).as("containers alive through the scan").hasSizeGreaterThan(60);
        assertThat(metered()).as("no container the list showed, nor one still alive, is lost").containsAll(knowable);
        for (long id : stillThere) {
            FlowAmount truth = fleet.sandbox.flowModel().flow(id, SmallFleet.DAY, DAY_END);
            Map<String, Object> row = jdbc.queryForMap("""
                    select sum(up_mb) as up, sum(down_mb) as down from usage_hour
                     where container_id = ? and window_start >= ? and window_start < ?
                    """, id, Timestamp.from(SmallFleet.DAY), Timestamp.from(DAY_END));
            assertThat((BigDecimal) row.get("up")).as("container='%s', day='%s', item='up'", id, SmallFleet.DAY)
                    .isEqualByComparingTo(truth.upMb());
            assertThat((BigDecimal) row.get("down")).as("container='%s', day='%s', item='down'", id, SmallFleet.DAY)
                    .isEqualByComparingTo(truth.downMb());
        }
        assertThat(count("select count(*) from (select 1 from usage_hour group by container_id, window_start"
                + " having count(*) > 1) d")).as("no hour metered twice").isZero();
    }

    @Test
    @Order(2)
    void anUnreadableFlowStillWritesTheHourAndTheRecheckReadsItsTraffic() throws Exception {
        // given: the next hour, whose first three flow calls fail (no retries in this test)
        MeteringRange hour = hourAfter(DAY_END, 0);
        fleet.sandbox.faults().failNext(Endpoint.FLOW, 3, Fault.SERVER_ERROR);

        // when
        metering.meter(settings.tenant(), hour, false);

        // then: the three hours are written with their active seconds, only their traffic is pending
        List<Map<String, Object>> pending = jdbc.queryForList(
                "select active_seconds, up_mb from usage_hour where traffic_pending and window_start = ?",
                Timestamp.from(hour.from()));
        assertThat(pending).hasSize(3);
        assertThat(pending).allSatisfy(row -> {
            assertThat((Integer) row.get("active_seconds")).isPositive();
            assertThat(row.get("up_mb")).isNull();
        });
        assertThat(unresolved("flow_unavailable")).isEqualTo(3);

        // when: a later run rechecks
        RecheckSummary recheck = metering.recheck(settings.tenant());

        // then: read, resolved, and the hours recorded as changed so their day is billed again
        assertThat(recheck.pendingBefore()).isEqualTo(3);
        assertThat(recheck.pendingAfter()).isZero();
        assertThat(count("select count(*) from usage_hour where traffic_pending")).isZero();
        assertThat(unresolved("flow_unavailable")).isZero();
        assertThat(count("select count(*) from usage_change where window_start = ?", Timestamp.from(hour.from())))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void implausibleTrafficIsAnExceptionAndNotBilledUntilAPlausibleRead() throws Exception {
        long container = aliveContainer();
        fleet.sandbox.faults().malformedFlowFor(container, MalformedFlow.IMPLAUSIBLE);
        MeteringRange hour = hourAfter(DAY_END, 1);

        metering.meter(settings.tenant(), hour, false);

        Map<String, Object> row = usage(container, hour.from());
        assertThat(row.get("up_mb")).as("1000TB in one hour is not billed").isNull();
        assertThat(row.get("traffic_pending")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select raw_value from metering_exception where container_id = ? and window_start = ?"
                + " and kind = 'implausible_flow'", String.class, container, Timestamp.from(hour.from())))
                .isEqualTo("1000TB");

        fleet.sandbox.faults().reset();
        metering.recheck(settings.tenant());

        FlowAmount truth = fleet.sandbox.flowModel().flow(container, hour.from(), hour.to());
        assertThat((BigDecimal) usage(container, hour.from()).get("up_mb")).isEqualByComparingTo(truth.upMb());
        assertThat(unresolved("implausible_flow")).isZero();
    }

    @Test
    @Order(4)
    void aRawValueOf172CharactersIsStoredCutAndTheRunCompletes() throws Exception {
        long container = aliveContainer();
        fleet.sandbox.faults().malformedFlowFor(container, MalformedFlow.TOO_LONG);
        MeteringRange hour = hourAfter(DAY_END, 2);

        MeteringSummary summary = metering.meter(settings.tenant(), hour, false);
        fleet.sandbox.faults().reset();

        assertThat(summary.exceptions()).containsKey("malformed_flow");
        String raw = (String) usage(container, hour.from()).get("raw_up");
        assertThat(raw).hasSizeLessThanOrEqualTo(128).endsWith("[cut, 172 chars]");
    }

    @Test
    @Order(5)
    void aContainerFoundGoneReportsTheHoursAtRiskSinceItsLastSighting() throws Exception {
        long container = aliveContainer();
        Instant lastSeen = fleet.clock.instant();
        // the container is deleted 18 hours after its last sighting, and the next scan finds it gone
        fleet.clock.set(lastSeen.plus(Duration.ofHours(18)));
        fleet.sandbox.fleet().delete(container);
        fleet.clock.set(lastSeen.plus(Duration.ofHours(18)).plus(Duration.ofMinutes(30)));

        MeteringSummary summary = metering.meter(settings.tenant(), hourAfter(DAY_END, 3), false);

        assertThat(summary.inventoryGone()).isPositive();
        assertThat(summary.exceptions()).as("the summary shows the lifetime at risk").containsEntry("lifetime_unknown", 1L);
        String atRisk = jdbc.queryForObject("select raw_value from metering_exception where container_id = ?"
                + " and kind = 'lifetime_unknown'", String.class, container);
        assertThat(atRisk).isEqualTo("18.50 h");
        deleted = container;
    }

    @Test
    @Order(6)
    void aRefreshAfterADeletionKeepsKnownTrafficWithoutAnException() throws Exception {
        long gone = deleted;

        metering.meter(settings.tenant(), SmallFleet.day(), true);

        assertThat(count("select count(*) from metering_exception where container_id = ? and kind = 'flow_gone'"
                + " and window_start < ?", gone, Timestamp.from(DAY_END)))
                .as("container='%s': its traffic of the day is known, a 404 on refresh is no exception", gone).isZero();
        assertThat(count("select count(*) from usage_hour where container_id = ? and window_start < ? and up_mb is null",
                gone, Timestamp.from(DAY_END))).isZero();
    }

    @Test
    @Order(7)
    void aContainerFoundAfterItsWindowsWereClosedIsMeteredForThemByTheRecheck() throws Exception {
        // given: the state a lossy first run left behind: a container whose day was closed without it
        long late = aliveContainer();
        jdbc.update("delete from usage_hour where container_id = ?", late);
        jdbc.update("delete from metering_exception where container_id = ?", late);
        jdbc.update("delete from container_version where container_id = ?", late);
        jdbc.update("delete from container where container_id = ?", late);
        jdbc.update("delete from usage_change");

        // when: the next hourly run finds it, and the recheck after it runs
        metering.meter(settings.tenant(), hourAfter(DAY_END, 4), false);
        RecheckSummary recheck = metering.recheck(settings.tenant());

        // then: its hours of the closed day are metered to the sandbox's figures, and the day is due for billing
        FlowAmount truth = fleet.sandbox.flowModel().flow(late, SmallFleet.DAY, DAY_END);
        BigDecimal up = jdbc.queryForObject("select sum(up_mb) from usage_hour where container_id = ?"
                + " and window_start >= ? and window_start < ?", BigDecimal.class, late, Timestamp.from(SmallFleet.DAY),
                Timestamp.from(DAY_END));
        assertThat(recheck.lateContainers()).isEqualTo(1);
        assertThat(up).as("container='%s' found late", late).isEqualByComparingTo(truth.upMb());
        assertThat(count("select count(*) from usage_change where window_start >= ? and window_start < ?",
                Timestamp.from(SmallFleet.DAY), Timestamp.from(DAY_END))).isEqualTo(24);
    }

    @Test
    @Order(8)
    void fourTbOutboundOnATrafficBilledContainerIsImplausibleAndItsInboundIsKept() throws Exception {
        // given: a container billed by traffic (no max-traffic-gb-per-hour in the bundled book: 100 GB = 102,400 MB
        // an hour), whose flow answers 4TB = 4,194,304 MB outbound and its true inbound
        long container = trafficBilledContainer();
        fleet.sandbox.faults().malformedFlowFor(container, MalformedFlow.IMPLAUSIBLE_OUTBOUND);
        MeteringRange hour = hourAfter(DAY_END, 5);

        // when
        metering.meter(settings.tenant(), hour, false);

        // then: outbound is an implausible_flow exception, inbound is the sandbox's own figure
        FlowAmount truth = fleet.sandbox.flowModel().flow(container, hour.from(), hour.to());
        Map<String, Object> row = usage(container, hour.from());
        assertThat(row.get("network_charge_type")).as("container='%s' billed by traffic", container).isEqualTo(2);
        assertThat(row.get("up_mb")).as("container='%s': 4TB outbound in one hour is not billed", container).isNull();
        assertThat(truth.downMb()).as("the inbound of the hour is not zero, so keeping it shows").isPositive();
        assertThat((BigDecimal) row.get("down_mb")).as("container='%s': the inbound is kept", container)
                .isEqualByComparingTo(truth.downMb());
        assertThat(row.get("traffic_pending")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select message from metering_exception where container_id = ?"
                + " and window_start = ? and kind = 'implausible_flow'", String.class, container,
                Timestamp.from(hour.from()))).contains("container_up_flow 4194304 MB", "102400 MB");

        // when: the API answers plausibly again and the recheck reads the hour
        fleet.sandbox.faults().reset();
        metering.recheck(settings.tenant());

        // then: both directions are the sandbox's, and the exception is resolved
        row = usage(container, hour.from());
        assertThat((BigDecimal) row.get("up_mb")).isEqualByComparingTo(truth.upMb());
        assertThat((BigDecimal) row.get("down_mb")).isEqualByComparingTo(truth.downMb());
        assertThat(row.get("traffic_pending")).isEqualTo(false);
        assertThat(unresolved("implausible_flow")).isZero();
    }

    @Test
    @Order(9)
    void aRefreshThatReadsAnImplausibleOutboundKeepsTheKnownTrafficOfBothDirections() throws Exception {
        // given: the hour of the test before, both directions known since its recheck
        long container = trafficBilledContainer();
        MeteringRange hour = hourAfter(DAY_END, 5);
        FlowAmount truth = fleet.sandbox.flowModel().flow(container, hour.from(), hour.to());
        fleet.sandbox.faults().malformedFlowFor(container, MalformedFlow.IMPLAUSIBLE_OUTBOUND);

        // when: the hour is metered again with --refresh and the outbound reads 4TB
        metering.meter(settings.tenant(), hour, true);
        fleet.sandbox.faults().reset();

        // then: bad data never overwrites good data, and the good inbound read stands
        Map<String, Object> row = usage(container, hour.from());
        assertThat((BigDecimal) row.get("up_mb")).as("container='%s' outbound kept", container)
                .isEqualByComparingTo(truth.upMb());
        assertThat((BigDecimal) row.get("down_mb")).as("container='%s' inbound", container)
                .isEqualByComparingTo(truth.downMb());
        assertThat(row.get("traffic_pending")).as("both directions are known").isEqualTo(false);
    }

    /** An alive container whose last version is billed by traffic, a 小型 (spec 10) when there is one. */
    private long trafficBilledContainer() {
        return jdbc.queryForObject("""
                select v.container_id from container c
                  join lateral (select * from container_version v where v.container_id = c.container_id
                                 order by v.valid_from desc limit 1) v on true
                 where c.gone_at is null and c.created_at < ? and v.status = 'create_succ'
                   and v.use_public_network = 1 and v.network_charge_type = 2
                 order by (v.spec_id = 10) desc, v.container_id desc limit 1
                """, Long.class, Timestamp.from(SmallFleet.DAY));
    }

    private MeteringRange hourAfter(Instant start, int hours) {
        Instant from = start.plus(Duration.ofHours(hours));
        Instant settled = from.plus(Duration.ofMinutes(75));
        if (fleet.clock.instant().isBefore(settled)) {
            fleet.clock.set(settled);
        }
        return new MeteringRange(from, from.plus(Duration.ofHours(1)));
    }

    private long aliveContainer() {
        return jdbc.queryForObject("""
                select c.container_id from container c
                 where c.gone_at is null and c.created_at < ?
                   and exists (select 1 from container_version v where v.container_id = c.container_id
                                and v.status = 'create_succ')
                 order by c.container_id desc limit 1
                """, Long.class, Timestamp.from(SmallFleet.DAY));
    }

    private Set<Long> existedDuring(MeteringRange range) {
        Set<Long> ids = new HashSet<>();
        for (Container c : fleet.sandbox.fleet().list()) {
            if (c.createdAt().isBefore(range.to())) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    private Set<Long> metered() {
        return new HashSet<>(jdbc.queryForList("select distinct container_id from usage_hour where window_start >= ?"
                + " and window_start < ?", Long.class, Timestamp.from(SmallFleet.DAY), Timestamp.from(DAY_END)));
    }

    private Map<String, Object> usage(long container, Instant window) {
        return jdbc.queryForMap("select * from usage_hour where container_id = ? and window_start = ?", container,
                Timestamp.from(window));
    }

    private long unresolved(String kind) {
        return count("select count(*) from metering_exception where kind = ? and not resolved", kind);
    }

}
