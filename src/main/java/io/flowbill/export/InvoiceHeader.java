package io.flowbill.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An invoice's row of the invoice table, as its files print it.
 *
 * @param number     the stable invoice number, {@code <tenant>-<YYYYMM>}
 * @param status     DRAFT or FINAL
 * @param subtotal   the sum of its lines
 * @param taxRate    the rate of {@code taxVersion}, a fraction (0.06 = 6 %)
 * @param taxVersion the price version whose tax-rate applied; null for an invoice written before tax existed
 * @param tax        round(subtotal x tax rate), once
 * @param total      subtotal + tax
 * @param lines      how many lines the invoice table holds for it (the tax line not counted)
 * @param closedAt   when {@code close} made it FINAL; null for a DRAFT
 */
record InvoiceHeader(String number, String tenant, YearMonth month, String status, String currency,
        BigDecimal subtotal, BigDecimal taxRate, String taxVersion, BigDecimal tax, BigDecimal total, long lines,
        Instant closedAt) {

    InvoiceHeader {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(month, "month");
    }

    /** A header without its closing instant (a DRAFT, or a caller that has none). */
    InvoiceHeader(String number, String tenant, YearMonth month, String status, String currency, BigDecimal subtotal,
            BigDecimal taxRate, String taxVersion, BigDecimal tax, BigDecimal total, long lines) {
        this(number, tenant, month, status, currency, subtotal, taxRate, taxVersion, tax, total, lines, null);
    }

    /** The invoice number: the tenant and the month, {@code acme-202611}; the same for every rewrite of it. */
    static String numberOf(String tenant, YearMonth month) {
        return DocumentNumbers.invoice(tenant, month);
    }

    LocalDate periodStart() {
        return month.atDay(1);
    }

    /** The last day of the period, inclusive. */
    LocalDate periodEnd() {
        return month.atEndOfMonth();
    }

    boolean isDraft() {
        return "DRAFT".equals(status);
    }
}
