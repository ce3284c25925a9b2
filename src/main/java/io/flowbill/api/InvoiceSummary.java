package io.flowbill.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An invoice's header as the invoice table holds it; amounts are decimal strings ({@link Decimals}).
 *
 * @param id the row's key, for reading its lines; not part of the answer
 */
public record InvoiceSummary(@JsonIgnore long id, String number, String month, String status, String currency,
        String subtotal, @JsonProperty("tax_rate") String taxRate, String tax,
        @JsonProperty("tax_version") String taxVersion, String total, long lines,
        @JsonProperty("changed_at") Instant changedAt, @JsonProperty("closed_at") Instant closedAt) {

    /** Whether close made it FINAL: it never changes again. */
    @JsonIgnore
    public boolean isFinal() {
        return "FINAL".equals(status);
    }
}
