package io.flowbill.api;

/** A credit note: its header, and a page of its lines ({@code lines.items}, {@code lines.next}). */
public record CreditNoteDetail(CreditNoteSummary creditNote, Page<CreditNoteLineItem> lines) {
}
