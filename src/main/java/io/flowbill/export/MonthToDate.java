package io.flowbill.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The month of a day report as its invoice computes it: the daily charge lines of the month (those through the
 * report's day, and those of later days when the report is written after them), the month-level lines (package
 * overage) and the invoice's total. The month-level part of the equation is the invoice total minus the daily lines,
 * so it always reconciles; of it, the month-level lines are listed by item and the rest (adjustments of closed
 * months, tax, other invoice lines) is {@link #otherLines}.
 *
 * @param first           the month's first day
 * @param through         the report's day
 * @param ratedDays       days of the month through {@code through} that were rated
 * @param dailyThrough    the daily lines of the month through the report's day, summed as printed
 * @param dailyLater      the daily lines of the month's days after the report's day (0 unless rewritten later)
 * @param monthLevel      the month-level lines by item, e.g. {@code package_overage}
 * @param invoiceStatus   {@code DRAFT} or {@code FINAL}; null when the month has no invoice yet
 * @param invoiceTotal    the invoice's total; null when the month has no invoice yet
 */
record MonthToDate(LocalDate first, LocalDate through, long ratedDays, BigDecimal dailyThrough,
        BigDecimal dailyLater, SortedMap<String, BigDecimal> monthLevel, String invoiceStatus,
        BigDecimal invoiceTotal) {

    MonthToDate {
        Objects.requireNonNull(dailyThrough, "dailyThrough");
        Objects.requireNonNull(dailyLater, "dailyLater");
        monthLevel = new TreeMap<>(monthLevel);
    }

    /** Whether the month has an invoice (the report then reconciles with its total). */
    boolean hasInvoice() {
        return invoiceTotal != null;
    }

    /** Every daily line of the month the invoice sums. */
    BigDecimal daily() {
        return dailyThrough.add(dailyLater);
    }

    /** The month-level lines listed by item, summed. */
    BigDecimal monthLevelTotal() {
        return monthLevel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The month-level part of the invoice: its total minus the daily lines (without an invoice: the month-level
     * lines listed), so that daily + month-level = total holds by construction.
     */
    BigDecimal monthLevelPart() {
        return hasInvoice() ? invoiceTotal.subtract(daily()) : monthLevelTotal();
    }

    /** The invoice lines that are neither daily nor month-level: adjustments of closed months, tax and the like. */
    BigDecimal otherLines() {
        return monthLevelPart().subtract(monthLevelTotal());
    }

    /** The invoice total, or without an invoice what it would sum to. */
    BigDecimal total() {
        return hasInvoice() ? invoiceTotal : daily().add(monthLevelTotal());
    }
}
