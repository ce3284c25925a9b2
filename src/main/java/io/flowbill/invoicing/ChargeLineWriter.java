package io.flowbill.invoicing;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.flowbill.pricing.ChargeLine;

/** {@code chargeLineWriter}: stages a chunk of a day's charge lines; {@code ratingPublishStep} makes them the day's. */
class ChargeLineWriter implements ItemWriter<ChargeLine> {

    private final ChargeLineStore store;

    ChargeLineWriter(ChargeLineStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends ChargeLine> chunk) {
        store.stage(chunk.getItems());
    }
}
