package io.flowbill.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives Spring Batch's own meters (from its observations: {@code spring.batch.job}, {@code .step},
 * {@code .item.read}, {@code .item.process}, {@code .chunk.write} and their {@code .active} long-task timers) the
 * help text they come without, so that the published text passes {@code promtool check metrics}. Names and tags
 * stay as Spring Batch makes them.
 */
final class SpringBatchDescriptions implements MeterFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "spring.batch.job", "Spring Batch job executions",
            "spring.batch.step", "Spring Batch step executions",
            "spring.batch.item.read", "Spring Batch item reads",
            "spring.batch.item.process", "Spring Batch item processing",
            "spring.batch.chunk.write", "Spring Batch chunk writes");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("spring.batch.") || id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        String name = id.getName();
        boolean active = name.endsWith(".active");
        String base = active ? name.substring(0, name.length() - ".active".length()) : name;
        String description = DESCRIPTIONS.getOrDefault(base, "Spring Batch observation " + base)
                + (active ? " in progress" : "");
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
