package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MetricsPropertiesTest {

    @Test
    void nothingIsPublishedByDefault() {
        MetricsProperties settings = bind(Map.of());

        assertThat(settings.publishes()).isFalse();
        assertThat(settings.pushgateway().job()).isEqualTo("flowbill");
        assertThat(settings.pushgateway().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aPushgatewayOrATextfilePublishes() {
        assertThat(bind(Map.of("flowbill.metrics.pushgateway.url", "http://pushgateway:9091")).pushgateway().url())
                .isEqualTo(URI.create("http://pushgateway:9091"));
        assertThat(bind(Map.of("flowbill.metrics.textfile", "/var/lib/node_exporter/flowbill.prom")).publishes())
                .isTrue();
    }

    @Test
    void aPushgatewayUrlWithoutHttpIsRefusedWithAnExample() {
        assertThatThrownBy(() -> new MetricsProperties.Pushgateway(URI.create("pushgateway:9091"), "flowbill",
                Duration.ofSeconds(1))).hasMessageContaining("e.g. http://pushgateway:9091");
    }

    @Test
    void aTextfileNodeExporterWouldIgnoreIsRefused() {
        assertThatThrownBy(() -> new MetricsProperties(new MetricsProperties.Pushgateway(null, "flowbill",
                Duration.ofSeconds(1)), Path.of("/tmp/flowbill.txt"))).hasMessageContaining("name a .prom file");
    }

    private static MetricsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("flowbill.metrics", MetricsProperties.class);
    }
}
