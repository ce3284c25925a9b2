package io.flowbill.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A daily charge line, named as the columns of {@code charges-<YYYY-MM-DD>.csv}. */
public record ChargeLineItem(LocalDate date, @JsonProperty("container_id") long containerId,
        @JsonProperty("container_name") String containerName, @JsonProperty("charge_type") String chargeType,
        @JsonProperty("spec_id") int specId, String item, int tier, String quantity, String unit,
        @JsonProperty("unit_price") String unitPrice, String amount, String currency,
        @JsonProperty("price_version") String priceVersion) {
}
