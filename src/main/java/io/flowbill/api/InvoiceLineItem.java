package io.flowbill.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A line of the invoice table, named as the invoice CSV's columns: a month's usage summed per container, item,
 * tier, charge type, spec, price version and unit price and rated once, a month-level line, or an adjustment of a
 * closed month ({@code corrects_month} set).
 */
public record InvoiceLineItem(@JsonProperty("container_id") long containerId,
        @JsonProperty("container_name") String containerName, String item, int tier,
        @JsonProperty("charge_type") String chargeType, @JsonProperty("spec_id") Integer specId,
        @JsonProperty("price_version") String priceVersion, String quantity, String unit,
        @JsonProperty("unit_price") String unitPrice, String amount, String currency,
        @JsonProperty("corrects_month") LocalDate correctsMonth) {
}
