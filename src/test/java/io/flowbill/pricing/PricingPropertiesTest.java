package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PricingPropertiesTest {

    @Test
    void defaultsToTheBundledBook() {
        PricingProperties properties = bind(Map.of());

        assertThat(properties.priceBook()).isEqualTo("classpath:pricing/fengchao.yaml");
        assertThat(properties.loadPriceBook().versions()).hasSize(2);
    }

    @Test
    void loadsTheConfiguredFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"), PriceBooks.SMALL);

        PricingProperties properties = bind(Map.of("flowbill.pricing.price-book", file.toString()));

        assertThat(properties.loadPriceBook().versions()).extracting(PriceVersion::name).containsExactly("v1", "v2");
    }

    private static PricingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("flowbill.pricing", PricingProperties.class);
    }
}
