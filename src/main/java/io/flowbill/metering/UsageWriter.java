package io.flowbill.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** The flow step's writer: waits for the chunk's flow calls, then writes their rows in one transaction. */
class UsageWriter implements ItemWriter<CompletableFuture<MeteredHour>> {

    private final UsageStore store;
    private final MeteringProperties settings;
    private final String tenant;
    private final long runId;
    private final boolean refresh;

    UsageWriter(UsageStore store, MeteringProperties settings, String tenant, long runId, boolean refresh) {
        this.tenant = tenant;
        this.store = store;
        this.settings = settings;
        this.runId = runId;
        this.refresh = refresh;
    }

    @Override
    public void write(Chunk<? extends CompletableFuture<MeteredHour>> chunk) {
        List<MeteredHour> hours = new ArrayList<>(chunk.size());
        for (CompletableFuture<MeteredHour> future : chunk) {
            hours.add(future.join());
        }
        store.write(tenant, runId, refresh, settings, hours);
    }
}
