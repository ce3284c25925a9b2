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
 * Scans the container list into the inventory history. The list changes while it is paged (containers vanish
 * before the cursor and later ones move up a place), so one scan is a sequence of passes ({@link ListPass}):
 * it repeats until a pass has no gap, ends on a short page, reports a total no larger than what it served, and
 * finds no container (created before the scan) that the scan and the database did not know. A pass after one
 * with gaps goes page by page and steps back over each gap. After {@code max-scan-passes} without such a pass the
 * scan fails and names the gap ({@link InventoryIncompleteException}): no short bill is written. Every container
 * believed alive that the last pass did not see is then asked for directly: 404 means gone, anything else means it
 * is kept. One scanner scans one API account of a tenant: only that account's containers can be found gone by it,
 * and a container another account of the tenant has is taken out of its scan
 * ({@link InventoryStore#refuseOtherAccounts}).
 */
class InventoryScanner {

    static final int PAGE_SIZE = 30;
    static final int OVERLAP = 5;
    static final int STEP = PAGE_SIZE - OVERLAP;
    private static final int PAGES_IN_FLIGHT = 128;
    private static final int ROWS_PER_STAGE = 2_000;
    private static final int STEP_BACKS = 4;
    private static final Logger log = LoggerFactory.getLogger(InventoryScanner.class);

    private final ContainerApiClient client;
    private final String account;
    private final InventoryStore store;
    private final Clock clock;
    private final int maxPasses;

    /** @param account the name, within its tenant, of the API account {@code client} calls */
    InventoryScanner(ContainerApiClient client, String account, InventoryStore store, Clock clock, int maxPasses) {
        this.client = client;
        this.account = account;
        this.store = store;
        this.clock = clock;
        this.maxPasses = maxPasses;
    }

    InventoryScan scan(String tenant, long runId) {
        long scanId = store.newScan();
        Instant observedAt = clock.instant();
        ListPass pass;
        int passes = 0;
        int found;
        boolean settled;
        boolean sequential = false;
        do {
            passes++;
            int before = store.stagedCreatedBefore(scanId, observedAt);
            pass = sequential ? sequentialPass(scanId, tenant, observedAt, passes)
                    : concurrentPass(scanId, tenant, observedAt, passes);
            found = passes == 1 ? store.unknownToDatabase(scanId, tenant, observedAt)
                    : store.stagedCreatedBefore(scanId, observedAt) - before;
            int served = store.servedIn(scanId, passes);
            settled = pass.gaps() == 0 && pass.endedShort() && served >= pass.reportedAtEnd() && found == 0;
            log.debug("inventory scan {} pass {}: {} served, total {}, {} gaps, {} new", scanId, passes, served,
                    pass.reportedAtEnd(), pass.gaps(), found);
            sequential = pass.gaps() > 0;
        } while (!settled && passes < maxPasses);
        if (!settled) {
            throw new InventoryIncompleteException(passes, pass.gaps(), found, pass.reportedAtEnd(),
                    store.servedIn(scanId, passes));
        }
        int collected = store.staged(scanId);
        int gone = 0;
        List<Long> unseen = store.unseenInPass(scanId, tenant, account, passes);
        List<Long> goneIds = new ArrayList<>();
        for (long id : unseen) {
            try {
                Container container = client.get(id);
                store.stage(scanId, tenant, clock.instant(), "get", passes, List.of(observation(container)));
            }
            catch (ContainerApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                goneIds.add(id);
            }
        }
        int recovered = unseen.size() - goneIds.size();
        collected -= store.refuseOtherAccounts(scanId, tenant, account, runId);
        InventoryStore.MergeWrites writes = store.merge(scanId, account, passes);
        Instant noticed = clock.instant();
        for (long id : goneIds) {
            gone += store.markGone(tenant, id, noticed, runId);
        }
        store.recordSweep(tenant, account, scanId, observedAt);
        if (passes > 1) {
            log.info("inventory scan {}: the list changed while it was paged; {} passes until it settled ({} containers)",
                    scanId, passes, collected);
        }
        return new InventoryScan(scanId, pass.reportedAtEnd(), collected, recovered, gone, writes.versionsOpened(),
                passes, writes.containers() + writes.versions());
    }

    /**
     * Pages from offset 0 by {@link #STEP}, {@link #PAGES_IN_FLIGHT} requested ahead of the one being staged (the
     * client keeps its max-concurrency of them in flight, without a thread each), and stages
     * {@link #ROWS_PER_STAGE} rows at a time; continues while the latest total says there is more.
     */
    private ListPass concurrentPass(long scanId, String tenant, Instant observedAt, int passNumber) {
        ListPass pass = new ListPass();
        ContainerPage first = client.list(PAGE_SIZE, 0);
        pass.accept(first);
        List<Observation> rows = new ArrayList<>(observations(first));
        Deque<CompletableFuture<ContainerPage>> pages = new ArrayDeque<>();
        long total = first.total();
        long next = STEP;
        while (next < total || !pages.isEmpty()) {
            for (; next < total && pages.size() < PAGES_IN_FLIGHT; next += STEP) {
                pages.add(client.listAsync(PAGE_SIZE, Math.toIntExact(next)));
            }
            ContainerPage page = pages.poll().join();
            pass.accept(page);
            total = Math.max(total, page.total());
            rows.addAll(observations(page));
            if (rows.size() >= ROWS_PER_STAGE) {
                store.stage(scanId, tenant, observedAt, "list", passNumber, rows);
                rows = new ArrayList<>();
            }
        }
        store.stage(scanId, tenant, observedAt, "list", passNumber, rows);
        return pass;
    }

    /**
     * Pages one page at a time; where a full page and the next share no id, steps back a page at a time (up to
     * {@link #STEP_BACKS}) until a page links, then goes on from there.
     */
    private ListPass sequentialPass(long scanId, String tenant, Instant observedAt, int passNumber) {
        ListPass pass = new ListPass();
        long offset = 0;
        long requests = 0;
        while (true) {
            ContainerPage page = client.list(PAGE_SIZE, Math.toIntExact(offset));
            requests++;
            int back = 0;
            while (!pass.links(page) && back < STEP_BACKS && offset > 0) {
                back++;
                offset = Math.max(0, offset - STEP);
                page = client.list(PAGE_SIZE, Math.toIntExact(offset));
                requests++;
            }
            pass.accept(page);
            store.stage(scanId, tenant, observedAt, "list", passNumber, observations(page));
            if (page.containers().size() < PAGE_SIZE || requests > 4 * (page.total() / STEP + 2)) {
                return pass;
            }
            offset += STEP;
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
