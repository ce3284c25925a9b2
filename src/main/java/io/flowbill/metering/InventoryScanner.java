package io.flowbill.metering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.flowbill.containerapi.Container;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerApiException;
import io.flowbill.containerapi.ContainerPage;

/**
 * Pages through the container list and merges what it saw into the inventory history. The list may change
 * while it is paged, so ids are deduplicated, and every container believed alive that the scan missed is
 * asked for directly: 404 means gone, anything else means the paging missed it and it is kept.
 */
class InventoryScanner {

    static final int PAGE_SIZE = 30;
    private static final int PAGES_IN_FLIGHT = 128;
    private static final int ROWS_PER_STAGE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(InventoryScanner.class);

    private final ContainerApiClient client;
    private final InventoryStore store;
    private final Clock clock;
    InventoryScanner(ContainerApiClient client, InventoryStore store, Clock clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
    }

    InventoryScan scan(String tenant) {
        long scanId = store.newScan();
        Instant observedAt = clock.instant();
        ContainerPage first = client.list(PAGE_SIZE, 0);
        long reported = first.total();
        store.stage(scanId, tenant, observedAt, "list", observations(first));
        stagePages(scanId, tenant, observedAt, reported);
        int collected = store.staged(scanId);
        if (collected != reported) {
            log.warn("inventory scan {}: the list reported total={} but {} distinct containers were collected"
                    + " (the list changed while paging)", scanId, reported, collected);
        }
        int gone = 0;
        for (long id : store.knownButUnseen(scanId, tenant)) {
            try {
                Container container = client.get(id);
                store.stage(scanId, tenant, clock.instant(), "get", List.of(observation(container)));
            }
            catch (ContainerApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                store.markGone(tenant, id, clock.instant());
                gone++;
            }
        }
        int recovered = store.staged(scanId) - collected;
        int versionsOpened = store.merge(scanId);
        return new InventoryScan(scanId, reported, collected, recovered, gone, versionsOpened);
    }

    /**
     * Pages from offset 30 on, {@link #PAGES_IN_FLIGHT} requested ahead of the one being staged (the client keeps
     * its max-concurrency of them in flight, without a thread each), so the API stays busy while pages are
     * written, and staged {@link #ROWS_PER_STAGE} rows at a time.
     */
    private void stagePages(long scanId, String tenant, Instant observedAt, long total) {
        Deque<CompletableFuture<ContainerPage>> pages = new ArrayDeque<>();
        List<Observation> rows = new ArrayList<>();
        long next = PAGE_SIZE;
        while (next < total || !pages.isEmpty()) {
            for (; next < total && pages.size() < PAGES_IN_FLIGHT; next += PAGE_SIZE) {
                pages.add(client.listAsync(PAGE_SIZE, Math.toIntExact(next)));
            }
            rows.addAll(observations(pages.poll().join()));
            if (rows.size() >= ROWS_PER_STAGE || pages.isEmpty()) {
                store.stage(scanId, tenant, observedAt, "list", rows);
                rows = new ArrayList<>();
            }
        }
    }

    private static List<Observation> observations(ContainerPage page) {
        return page.containers().stream().map(InventoryScanner::observation).toList();
    }

    static Observation observation(Container c) {
        return new Observation(c.id(), c.name(), c.status() == null ? "(missing)" : c.status().value(),
                c.chargeType() == null ? 0 : c.chargeType(), c.specId() == null ? 0 : c.specId(),
                c.usePublicNetwork(), c.networkChargeType(), c.bandwidth(), c.imageId(), c.createdAt(), c.updatedAt());
    }
}
