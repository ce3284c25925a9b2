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
 */
@Validated
@ConfigurationProperties("flowbill.pricing")
public record PricingProperties(@DefaultValue(PriceBookLoader.BUNDLED) @NotBlank String priceBook) {

    /** Loads and validates the configured price book. */
    public PriceBook loadPriceBook() {
        return PriceBookLoader.load(priceBook);
    }
}
