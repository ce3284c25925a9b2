package io.flowbill.metering;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records what an inventory scan saw, through the store metering itself uses ({@link InventoryStore}: stage, then the
 * set-based merge into {@code container} and {@code container_version}), for tests that need a container's history
 * without running the API: a rename is a later scan that sees another name.
 */
public final class InventoryScans {

    private InventoryScans() {
    }

    /**
     * One scan at {@code observedAt} that saw a running on-demand container under {@code name}, changed last at
     * {@code updatedAt}.
     */
    public static void saw(JdbcTemplate jdbc, String tenant, Instant observedAt, long containerId, String name,
            Instant createdAt, Instant updatedAt) {
        InventoryStore store = new InventoryStore(jdbc);
        long scan = store.newScan();
        store.stage(scan, tenant, observedAt, "list", 1, List.of(new Observation(containerId, name, "create_succ", 2, 20,
                1, 1, 8, null, createdAt, updatedAt)));
        store.merge(scan, tenant, 1);
    }
}
