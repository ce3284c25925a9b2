package io.flowbill.pricing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured price book without any plan, as the bean every feature reads its currency, billing zone, taxes and
 * spec names from (every tenant's). Rating prices a tenant's usage with its own plan:
 * {@link TenantPriceBooks#of(String)}, never with this bean.
 */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    @Bean
    PriceBook priceBook(TenantPriceBooks books) {
        return books.book();
    }
}
