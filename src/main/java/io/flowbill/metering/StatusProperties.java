package io.flowbill.metering;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statuses the built-in {@link StatusPolicy} does not know, taught without a build
 * ({@code flowbill.metering.statuses.*}, docs/billing-rules.md "Which hours are billed").
 *
 * @param billed   statuses whose hours are billed, e.g. {@code hibernate_ing}
 * @param unbilled statuses whose hours are not billed
 */
@ConfigurationProperties(prefix = StatusProperties.PREFIX)
public record StatusProperties(@DefaultValue List<String> billed, @DefaultValue List<String> unbilled) {

    static final String PREFIX = "flowbill.metering.statuses";

    /** The policy these settings make; a contradiction refuses to start ({@link StatusPolicy#configured}). */
    StatusPolicy policy() {
        return StatusPolicy.configured(billed, unbilled);
    }
}
