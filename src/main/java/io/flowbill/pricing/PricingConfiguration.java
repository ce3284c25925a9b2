package io.flowbill.pricing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured price book and plan, loaded and validated once when the application starts; the
 * {@link PriceBook} that rates usage is the book with the plan's negotiated prices in place.
 */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    @Bean
    PlannedBook plannedBook(PricingProperties properties) {
        return properties.loadPlannedBook();
    }

    @Bean
    PriceBook priceBook(PlannedBook plannedBook) {
        return plannedBook.book();
    }

    @Bean
    PlanRating planRating(PlannedBook plannedBook) {
        return new PlanRating(plannedBook);
    }
}
