package io.flowbill.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A credit note: its header, and a page of its lines ({@code lines.items}, {@code lines.next}). */
public record CreditNoteDetail(@JsonProperty("credit_note") CreditNoteSummary creditNote,
        Page<CreditNoteLineItem> lines) {
}
