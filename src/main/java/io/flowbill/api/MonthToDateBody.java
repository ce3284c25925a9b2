package io.flowbill.api;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A month to date as the invoice computes it, with its reconciliation: the parts of
 * {@code reconciliation-<YYYY-MM>.csv} in the order they add up to {@code total}.
 *
 * @param invoiceNumber the month's invoice; null when it has none yet
 * @param invoiceStatus {@code DRAFT} or {@code FINAL}; null without an invoice
 */
public record MonthToDateBody(String tenant, String month, LocalDate through,
        @JsonProperty("rated_days") long ratedDays, String currency,
        @JsonProperty("invoice_number") String invoiceNumber, @JsonProperty("invoice_status") String invoiceStatus,
        List<Part> parts, String total) {

    /** One part: {@code daily_lines}, {@code rating_once}, {@code month_level:<item>}, {@code adjustments}, ... */
    public record Part(String part, String amount) {
    }
}
