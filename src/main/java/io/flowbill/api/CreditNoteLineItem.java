package io.flowbill.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A credit note's line: one container's difference (quantity 1, the month corrected as unit, price = amount). */
public record CreditNoteLineItem(@JsonProperty("container_id") long containerId,
        @JsonProperty("container_name") String containerName, String quantity, String unit,
        @JsonProperty("unit_price") String unitPrice, String amount, String currency) {
}
