package io.flowbill.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A month to date as readers outside the export see it: the parts of its reconciliation file
 * ({@code reconciliation-<YYYY-MM>.csv}, {@link ReconciliationExport#parts}) in the order they add up to its total.
 *
 * @param first         the month's first day
 * @param through       the last day the figures count
 * @param ratedDays     days of the month through {@code through} that were rated
 * @param currency      the ISO code of every amount
 * @param invoiceStatus {@code DRAFT} or {@code FINAL}; null when the month has no invoice yet
 * @param parts         the parts of the total, named as in the reconciliation file
 * @param total         the invoice total, or without an invoice what the month's lines come to
 */
public record MonthFigures(LocalDate first, LocalDate through, long ratedDays, String currency, String invoiceStatus,
        List<Part> parts, BigDecimal total) {

    /** One row of the reconciliation file: {@code daily_lines}, {@code rating_once}, {@code tax}, ... */
    public record Part(String name, BigDecimal amount) {
    }

    public MonthFigures {
        parts = List.copyOf(parts);
    }

    static MonthFigures of(MonthToDate month, String currency) {
        List<Part> parts = ReconciliationExport.parts(month).stream()
                .map(part -> new Part(part[0], new BigDecimal(part[1]))).toList();
        return new MonthFigures(month.first(), month.through(), month.ratedDays(), currency,
                month.hasInvoice() ? month.invoice().status() : null, parts, month.total());
    }
}
