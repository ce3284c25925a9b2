package io.flowbill.api;

/** An invoice: its header, and a page of its lines ({@code lines.items}, {@code lines.next}). */
public record InvoiceDetail(InvoiceSummary invoice, Page<InvoiceLineItem> lines) {
}
