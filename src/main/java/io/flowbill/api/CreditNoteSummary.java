package io.flowbill.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A credit note's header: what a downward correction of a closed month takes off its FINAL invoice; never changed
 * once issued. Amounts are decimal strings ({@link Decimals}).
 *
 * @param id       the row's key, for reading its lines; not part of the answer
 * @param files    the base name of its exported files, {@code credit-note-<YYYY-MM>-<n>}; not part of the answer
 * @param issuedIn the month whose export folder holds its files ({@code YYYY-MM})
 */
public record CreditNoteSummary(@JsonIgnore long id, @JsonIgnore String files, String number,
        @JsonProperty("corrects_invoice") String correctsInvoice, @JsonProperty("corrects_month") String correctsMonth,
        @JsonProperty("issued_in_month") String issuedIn, @JsonProperty("issued_at") Instant issuedAt,
        String currency, String subtotal, @JsonProperty("tax_rate") String taxRate, String tax, String total,
        long lines) {
}
