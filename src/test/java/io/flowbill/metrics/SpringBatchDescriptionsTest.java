package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;

class SpringBatchDescriptionsTest {

    final SpringBatchDescriptions filter = new SpringBatchDescriptions();

    @Test
    void springBatchMetersWithoutHelpGetOneAndKeepNameTagsAndUnit() {
        Meter.Id id = new Meter.Id("spring.batch.step.active", Tags.of("spring.batch.step.name", "flowStep"), "seconds",
                null, Meter.Type.LONG_TASK_TIMER);

        Meter.Id mapped = filter.map(id);

        assertThat(mapped.getDescription()).isEqualTo("Spring Batch step executions in progress");
        assertThat(mapped.getName()).isEqualTo(id.getName());
        assertThat(mapped.getTags()).isEqualTo(id.getTags());
        assertThat(mapped.getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void otherMetersAndDescribedOnesStayAsTheyAre() {
        Meter.Id jvm = new Meter.Id("jvm.memory.used", Tags.empty(), "bytes", null, Meter.Type.GAUGE);
        Meter.Id described = new Meter.Id("spring.batch.job", Tags.empty(), null, "Own words", Meter.Type.TIMER);

        assertThat(filter.map(jvm)).isSameAs(jvm);
        assertThat(filter.map(described)).isSameAs(described);
    }
}
