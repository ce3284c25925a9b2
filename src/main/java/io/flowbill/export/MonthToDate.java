package io.flowbill.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The month of a day report, reconciled part by part with its invoice from what the database holds (no part is
 * worked out as the rest of another): the daily charge lines (the days' estimates), the difference of rating each
 * invoice line once instead of each day (named, never charged), the month-level lines, and the invoice's
 * adjustments and tax. What the invoice holds beyond the month's usage as it stands now is {@link #sinceInvoice}:
 * changes after a FINAL invoice was closed (carried by a later invoice or a credit note), 0 on a refreshed draft.
 *
 * @param first        the month's first day
 * @param through      the report's day
 * @param ratedDays    days of the month through {@code through} that were rated
 * @param dailyThrough the daily lines of the month through the report's day, summed as printed
 * @param dailyLater   the daily lines of the month's days after the report's day (0 unless rewritten later)
 * @param ratedOnce    the month's usage lines rated once, as the invoice rates them now
 * @param monthLevel   the month-level lines by item, e.g. {@code package_overage}
 * @param invoice      the month's invoice; null when it has none yet
 */
record MonthToDate(LocalDate first, LocalDate through, long ratedDays, BigDecimal dailyThrough,
        BigDecimal dailyLater, BigDecimal ratedOnce, SortedMap<String, BigDecimal> monthLevel, Invoice invoice) {

    /**
     * The month's invoice as stored.
     *
     * @param status      {@code DRAFT} or {@code FINAL}
     * @param lines       its lines of the month itself (usage and month-level lines), added
     * @param adjustments its adjustment lines of closed months, added
     * @param tax         its tax
     * @param total       its total
     */
    record Invoice(String status, BigDecimal lines, BigDecimal adjustments, BigDecimal tax, BigDecimal total) {

        Invoice {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lines, "lines");
            Objects.requireNonNull(adjustments, "adjustments");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(total, "total");
        }
    }

    MonthToDate {
        Objects.requireNonNull(dailyThrough, "dailyThrough");
        Objects.requireNonNull(dailyLater, "dailyLater");
        Objects.requireNonNull(ratedOnce, "ratedOnce");
        monthLevel = new TreeMap<>(monthLevel);
    }

    /** Whether the month has an invoice (the report then reconciles with its total). */
    boolean hasInvoice() {
        return invoice != null;
    }

    /** Every daily line of the month, added: the days' estimates of the invoice's usage lines. */
    BigDecimal daily() {
        return dailyThrough.add(dailyLater);
    }

    /** The invoice's usage lines rated once minus the daily lines: the days' roundings, never charged. */
    BigDecimal ratingDifference() {
        return ratedOnce.subtract(daily());
    }

    /** The month-level lines listed by item, summed. */
    BigDecimal monthLevelTotal() {
        return monthLevel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The invoice's own lines minus the month as it stands now (usage rated once and month-level lines): changes to
     * the month after its invoice was closed, or not yet on a draft.
     */
    BigDecimal sinceInvoice() {
        return hasInvoice() ? invoice.lines().subtract(ratedOnce).subtract(monthLevelTotal()) : BigDecimal.ZERO;
    }

    /** The invoice total, or without an invoice what the month's lines come to. */
    BigDecimal total() {
        return hasInvoice() ? invoice.total() : ratedOnce.add(monthLevelTotal());
    }
}
