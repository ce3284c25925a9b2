package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.flowbill.accounts.AccountClients;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ModifyContainerRequest;
import io.flowbill.sandbox.Container;

/** The fleet changes while flowbill meters it: attributes change mid-day, the list changes while paged. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeteringChangesIT extends SmallFleetBase {

    static final Instant MORNING = SmallFleet.DAY.plus(Duration.ofHours(10));

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet(MORNING.plus(Duration.ofMinutes(15)));

    @Autowired
    AccountClients clients;

    ContainerApiClient client;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        client = clients.of(settings.tenant());
    }

    @Test
    @Order(1)
    void chargeTypeChangedMidDayAppliesToTheHoursAfterIt() throws Exception {
        Container onDemand = fleet.sandbox.fleet().list().stream()
                .filter(c -> c.chargeType() == 2 && c.status().equals("create_succ")
                        && c.createdAt().isBefore(SmallFleet.DAY))
                .findFirst().orElseThrow();
        metering.meter(settings.tenant(), new MeteringRange(SmallFleet.DAY, MORNING), false);

        fleet.clock.set(SmallFleet.DAY.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(30)));
        client.modify(onDemand.id(), new ModifyContainerRequest(1, null, null, null));
        fleet.clock.set(SmallFleet.DAY.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(15)));
        metering.meter(settings.tenant(), new MeteringRange(MORNING, SmallFleet.DAY.plus(Duration.ofDays(1))), false);

        List<Integer> chargeTypes = jdbc.queryForList("""
                select charge_type from usage_hour where container_id = ? order by window_start
                """, Integer.class, onDemand.id());
        assertThat(chargeTypes).as("container='%s', day='%s', item='charge_type by hour'", onDemand.id(), SmallFleet.DAY)
                .hasSize(24)
                .containsExactlyElementsOf(hours(13, 2, 11, 1));
    }

    @Test
    @Order(2)
    void listChangingWhilePagedLosesAndDoublesNoContainer() throws Exception {
        Set<Long> knownBefore = alive();
        long lastIdBefore = fleet.sandbox.fleet().list().stream().mapToLong(Container::id).max().orElseThrow();
        Instant nextHour = SmallFleet.DAY.plus(Duration.ofDays(1));
        fleet.clock.set(nextHour.plus(Duration.ofMinutes(75)));
        fleet.sandbox.faults().listChurn(2);

        MeteringSummary summary = metering.meter(settings.tenant(), new MeteringRange(nextHour, nextHour.plus(Duration.ofHours(1))), false);
        fleet.sandbox.faults().listChurn(0);

        Set<Long> inSandbox = ids(fleet.sandbox.fleet().list());
        Set<Long> vanished = new HashSet<>(knownBefore);
        vanished.removeAll(inSandbox);
        Set<Long> survivors = new HashSet<>(knownBefore);
        survivors.retainAll(inSandbox);
        Set<Long> possiblyAlive = new HashSet<>(inSandbox);
        possiblyAlive.addAll(vanished);
        // a container the churn created during the scan and removed again in a later pass was seen alive
        alive().stream().filter(id -> id > lastIdBefore).forEach(possiblyAlive::add);
        assertThat(vanished).as("the churn removed containers while the list was paged").isNotEmpty();
        assertThat(alive()).as("no container that lived through the scan is lost").containsAll(survivors);
        assertThat(alive()).as("flowbill believes alive only what it saw alive").isSubsetOf(possiblyAlive);
        assertThat(summary.inventoryGone()).as("gone containers counted in the summary").isEqualTo(goneIds().size());

        fleet.clock.set(nextHour.plus(Duration.ofMinutes(135)));
        metering.meter(settings.tenant(), new MeteringRange(nextHour.plus(Duration.ofHours(1)), nextHour.plus(Duration.ofHours(2))), false);

        assertThat(alive()).as("a quiet scan afterwards knows exactly the sandbox's fleet")
                .isEqualTo(ids(fleet.sandbox.fleet().list()));
        assertThat(goneIds()).as("every container removed during the churn is recorded as gone").containsAll(vanished);
        assertThat(jdbc.queryForObject("select count(*) from (select container_id, window_start from usage_hour"
                + " group by 1, 2 having count(*) > 1) d", Long.class)).as("no hour metered twice").isZero();
    }

    private static Set<Long> ids(List<Container> containers) {
        return containers.stream().map(Container::id).collect(Collectors.toSet());
    }

    private Set<Long> alive() {
        return new HashSet<>(jdbc.queryForList("select container_id from container where gone_at is null", Long.class));
    }

    private Set<Long> goneIds() {
        return new HashSet<>(jdbc.queryForList("select container_id from container where gone_at is not null", Long.class));
    }

    private static List<Integer> hours(int firstCount, int first, int thenCount, int then) {
        List<Integer> hours = new java.util.ArrayList<>();
        for (int i = 0; i < firstCount; i++) {
            hours.add(first);
        }
        for (int i = 0; i < thenCount; i++) {
            hours.add(then);
        }
        return hours;
    }

}
