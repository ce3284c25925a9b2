package io.flowbill.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Settings of rating and invoicing ({@code flowbill.invoicing.*}).
 *
 * @param chunkSize containers whose rated day (charge lines, package days) {@code ratingStep} stages per transaction
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.invoicing")
public record InvoicingProperties(@Min(1) @DefaultValue("1000") int chunkSize) {
}
