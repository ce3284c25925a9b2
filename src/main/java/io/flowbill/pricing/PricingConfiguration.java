package io.flowbill.pricing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configured price book, loaded and validated once when the application starts. */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    @Bean
    PriceBook priceBook(PricingProperties properties) {
        return properties.loadPriceBook();
    }
}
