package io.flowbill.invoicing;

/** An invoice is DRAFT while its month is open, recomputed on every run, and FINAL once closed: never changed again. */
public enum InvoiceStatus {
    DRAFT, FINAL
}
