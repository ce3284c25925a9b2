package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;
import io.flowbill.system.TestTenants;

/**
 * The inventory of a tenant over two API accounts: each account's scan asks only after its own containers, and a
 * container id the second account lists while the first has it stays the first's, recorded as a
 * {@code container_in_two_accounts} exception; a container found gone was last seen by its own account's latest
 * complete scan.
 */
@IntegrationTest
class ContainerInTwoAccountsIT {

    static final String TENANT = "two-accounts";
    static final Instant SEEN = Instant.parse("2026-11-20T10:15:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aContainerIdListedByASecondAccountStaysWithTheFirstAndIsRecorded() {
        // given: account eu has containers 1 and 2
        TestTenants.register(jdbc, TENANT);
        jdbc.update("delete from metering_exception where tenant_id = ?", TENANT);
        jdbc.update("delete from container_version where tenant_id = ?", TENANT);
        jdbc.update("delete from container where tenant_id = ?", TENANT);
        InventoryStore store = new InventoryStore(jdbc);
        long eu = store.newScan();
        store.stage(eu, TENANT, SEEN, "list", 1, List.of(seen(1), seen(2)));
        store.merge(eu, "eu", 1);

        // when: account us lists containers 2 and 3
        long us = store.newScan();
        store.stage(us, TENANT, SEEN.plusSeconds(60), "list", 1, List.of(seen(2), seen(3)));
        List<Long> unseenByUs = store.unseenInPass(us, TENANT, "us", 1);
        int refused = store.refuseOtherAccounts(us, TENANT, "us", 7);
        store.merge(us, "us", 1);

        // then
        assertThat(unseenByUs).as("containers the us scan asks after").isEmpty();
        assertThat(refused).as("containers taken out of the us scan").isEqualTo(1);
        assertThat(jdbc.queryForList("select container_id || ' ' || account from container where tenant_id = ?"
                + " order by container_id", String.class, TENANT)).containsExactly("1 eu", "2 eu", "3 us");
        assertThat(jdbc.queryForList("select container_id || ' ' || raw_value from metering_exception"
                + " where tenant_id = ? and kind = 'container_in_two_accounts'", String.class, TENANT))
                .containsExactly("2 us");
    }

    @Test
    void aContainerFoundGoneWasLastSeenByTheLatestCompleteScanOfItsOwnAccount() {
        // given: eu has container 1 and us has container 2; us scans last at 11:15 and eu at 12:15, both unchanged
        TestTenants.register(jdbc, TENANT);
        jdbc.update("delete from metering_exception where tenant_id = ?", TENANT);
        jdbc.update("delete from inventory_sweep where tenant_id = ?", TENANT);
        jdbc.update("delete from container_version where tenant_id = ?", TENANT);
        jdbc.update("delete from container where tenant_id = ?", TENANT);
        InventoryStore store = new InventoryStore(jdbc);
        completeScan(store, "eu", SEEN, seen(1));
        completeScan(store, "us", SEEN, seen(2));
        completeScan(store, "us", SEEN.plusSeconds(3_600), seen(2));
        completeScan(store, "eu", SEEN.plusSeconds(7_200), seen(1));

        // when: the us scan at 13:15 finds container 2 gone
        int gone = store.markGone(TENANT, 2, SEEN.plusSeconds(10_800), 7);

        // then: billed until us's last complete scan, not eu's later one
        assertThat(gone).as("containers recorded gone").isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_seen_at from container where tenant_id = ? and container_id = 2",
                Timestamp.class, TENANT).toInstant()).as("last sighting of container 2 (account us)")
                .isEqualTo(SEEN.plusSeconds(3_600));
        assertThat(jdbc.queryForObject("select max(last_observed_at) from container_version"
                + " where tenant_id = ? and container_id = 2", Timestamp.class, TENANT).toInstant())
                .as("last sighting of container 2's version").isEqualTo(SEEN.plusSeconds(3_600));
    }

    @Test
    void aContainerGoneFromOneAccountAndListedByAnotherMovesToIt() {
        // given: eu had container 1 and found it gone at 11:15
        TestTenants.register(jdbc, TENANT);
        jdbc.update("delete from metering_exception where tenant_id = ?", TENANT);
        jdbc.update("delete from inventory_sweep where tenant_id = ?", TENANT);
        jdbc.update("delete from container_version where tenant_id = ?", TENANT);
        jdbc.update("delete from container where tenant_id = ?", TENANT);
        InventoryStore store = new InventoryStore(jdbc);
        completeScan(store, "eu", SEEN, seen(1));
        store.markGone(TENANT, 1, SEEN.plusSeconds(3_600), 7);

        // when: us lists it, unchanged, at 12:15
        completeScan(store, "us", SEEN.plusSeconds(7_200), seen(1));

        // then
        assertThat(jdbc.queryForList("select container_id || ' ' || account || ' ' || (gone_at is null)"
                + " from container where tenant_id = ?", String.class, TENANT)).containsExactly("1 us true");
        assertThat(jdbc.queryForObject("select max(last_observed_at) from container_version"
                + " where tenant_id = ? and container_id = 1", Timestamp.class, TENANT).toInstant())
                .as("last sighting of container 1's version").isEqualTo(SEEN.plusSeconds(7_200));
    }

    private static void completeScan(InventoryStore store, String account, Instant at, Observation observation) {
        long scan = store.newScan();
        store.stage(scan, TENANT, at, "list", 1, List.of(observation));
        store.refuseOtherAccounts(scan, TENANT, account, 7);
        store.merge(scan, account, 1);
        store.recordSweep(TENANT, account, scan, at);
    }

    private static Observation seen(long id) {
        return new Observation(id, "c" + id, "create_succ", 2, 20, 1, 1, 8, null, SEEN.minusSeconds(86_400), null);
    }
}
