package io.flowbill.invoicing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.flowbill.pricing.ChargeLine;
import io.flowbill.pricing.PackageDay;
import io.flowbill.pricing.RatedContainer;
import io.flowbill.pricing.UnrateableDay;

/**
 * {@code ratedContainerWriter}: stages a chunk of containers' charge lines, package days and unrateable days;
 * {@code ratingPublishStep} makes them the day's.
 */
class RatedContainerWriter implements ItemWriter<RatedContainer> {

    private final ChargeLineStore store;

    RatedContainerWriter(ChargeLineStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends RatedContainer> chunk) {
        List<ChargeLine> lines = new ArrayList<>();
        List<PackageDay> packageDays = new ArrayList<>();
        List<UnrateableDay> unrateable = new ArrayList<>();
        for (RatedContainer container : chunk) {
            lines.addAll(container.lines());
            packageDays.addAll(container.packageDays());
            unrateable.addAll(container.unrateable());
        }
        store.stage(lines, packageDays, unrateable);
    }
}
