package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import io.flowbill.accounts.AccountClients;
import io.flowbill.containerapi.ModifyContainerRequest;
import io.flowbill.sandbox.Container;

/**
 * The inventory merge writes only the containers that changed: an hourly scan of a fleet that did not change
 * writes no row of {@code container} or {@code container_version} (a row's {@code xmin} moves with every write), a
 * changed attribute writes that one container, and a container found gone is still billed until the last scan that
 * saw it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryMergeWritesIT extends SmallFleetBase {

    static final Instant TEN = SmallFleet.DAY.plus(Duration.ofHours(10));

    @RegisterExtension
    static final SmallFleet fleet = new SmallFleet(scanTime(10));

    @Autowired
    AccountClients clients;

    @Test
    @Order(1)
    void scanOfAnUnchangedFleetWritesNoInventoryRow() throws Exception {
        meterHour(10);
        Map<String, String> before = inventoryRows();

        meterHour(11);

        assertThat(writtenSince(before)).as("rows of container and container_version written by the scan at %s",
                scanTime(11)).isEmpty();
        assertThat(jdbc.queryForObject("select seen_at from inventory_sweep where tenant_id = ?", Timestamp.class,
                settings.tenant()).toInstant()).as("the tenant's latest complete scan").isEqualTo(scanTime(11));
    }

    @Test
    @Order(2)
    void changedAttributeWritesOnlyThatContainer() throws Exception {
        Container changed = aRunningOnDemandContainer();
        Map<String, String> before = inventoryRows();
        fleet.clock.set(scanTime(12).minus(Duration.ofMinutes(30)));
        clients.of(settings.tenant()).modify(changed.id(), new ModifyContainerRequest(1, null, null, null));

        meterHour(12);

        assertThat(writtenSince(before)).as("rows written by the scan after container='%s' changed its charge type", changed.id())
                .allMatch(row -> row.startsWith("version:" + changed.id() + ":"))
                .hasSize(2);
        assertThat(inventoryRows().size() - before.size()).as("versions opened").isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select last_observed_at from container_version where container_id = ?
                 order by valid_from limit 1
                """, Timestamp.class, changed.id()).toInstant())
                .as("container='%s': the old version was seen until the scan before the change", changed.id())
                .isEqualTo(scanTime(11));
    }

    @Test
    @Order(3)
    void containerFoundGoneIsBilledUntilTheLastScanThatSawIt() throws Exception {
        Container deleted = aRunningOnDemandContainer();
        fleet.sandbox.fleet().delete(deleted.id());

        meterHour(13);

        Map<String, Object> row = jdbc.queryForMap(
                "select gone_at, last_seen_at from container where container_id = ?", deleted.id());
        assertThat(row.get("gone_at")).as("container='%s' found gone", deleted.id()).isNotNull();
        assertThat(((Timestamp) row.get("last_seen_at")).toInstant())
                .as("container='%s': last seen by the scan before it was deleted", deleted.id())
                .isEqualTo(scanTime(12));
        assertThat(jdbc.queryForObject("""
                select last_observed_at from container_version where container_id = ?
                 order by valid_from desc limit 1
                """, Timestamp.class, deleted.id()).toInstant())
                .as("container='%s': its version seen until the scan before", deleted.id()).isEqualTo(scanTime(12));
    }

    /** Meters the hour starting at {@code hour} of the fleet's day, 15 minutes after it ends. */
    private void meterHour(int hour) throws Exception {
        fleet.clock.set(scanTime(hour));
        Instant from = SmallFleet.DAY.plus(Duration.ofHours(hour));
        metering.meter(settings.tenant(), new MeteringRange(from, from.plus(Duration.ofHours(1))), false);
    }

    private static Instant scanTime(int hour) {
        return SmallFleet.DAY.plus(Duration.ofHours(hour + 1)).plus(Duration.ofMinutes(15));
    }

    private Container aRunningOnDemandContainer() {
        Set<Long> versioned = new TreeSet<>(jdbc.queryForList(
                "select container_id from container_version group by 1 having count(*) = 1", Long.class));
        return fleet.sandbox.fleet().list().stream()
                .filter(c -> c.chargeType() == 2 && c.status().equals("create_succ")
                        && c.createdAt().isBefore(SmallFleet.DAY) && versioned.contains(c.id()))
                .findFirst().orElseThrow();
    }

    /** The rows inserted or updated since {@code before} was read. */
    private Set<String> writtenSince(Map<String, String> before) {
        Set<String> written = new TreeSet<>();
        inventoryRows().forEach((row, xmin) -> {
            if (!xmin.equals(before.get(row))) {
                written.add(row);
            }
        });
        return written;
    }

    /** Every row of the inventory history by its key, with the transaction that wrote it last. */
    private Map<String, String> inventoryRows() {
        Map<String, String> rows = new HashMap<>();
        jdbc.query("select container_id, xmin::text from container", rs -> {
            rows.put("container:" + rs.getLong(1), rs.getString(2));
        });
        jdbc.query("select container_id, valid_from, xmin::text from container_version", rs -> {
            rows.put("version:" + rs.getLong(1) + ":" + rs.getTimestamp(2).toInstant(), rs.getString(3));
        });
        return rows;
    }
}
