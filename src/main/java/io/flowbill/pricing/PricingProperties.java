package io.flowbill.pricing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Pricing configuration ({@code flowbill.pricing.*}).
 *
 * @param priceBook where the price book is: {@code classpath:...}, {@code file:...} or a plain file path;
 *        by default the bundled book with the seed cloud's prices
 * @param plan where the price plan of the tenant is (same forms), or blank for none: the book's prices alone
 */
@Validated
@ConfigurationProperties("flowbill.pricing")
public record PricingProperties(@DefaultValue(PriceBookLoader.BUNDLED) @NotBlank String priceBook, String plan) {

    /** Loads and validates the configured price book, with the configured plan applied. */
    public PriceBook loadPriceBook() {
        return loadPlannedBook().book();
    }

    /** Loads and validates the configured price book and plan (docs/billing-rules.md, "Price plans"). */
    public PlannedBook loadPlannedBook() {
        PriceBook book = PriceBookLoader.load(priceBook);
        PricePlan pricePlan = plan == null || plan.isBlank() ? PricePlan.NONE : PricePlanLoader.load(plan, book);
        return PlannedBook.of(book, pricePlan);
    }
}
