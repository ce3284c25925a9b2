package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An invoice as a run left it.
 *
 * @param tenant   the tenant billed
 * @param month    the calendar month in the billing zone
 * @param status   DRAFT or FINAL
 * @param currency the price book's currency
 * @param total    the sum of its lines' amounts
 * @param lines    how many lines it has
 * @param changed  whether this run changed it (its lines, or its status when closing)
 */
public record InvoiceState(String tenant, YearMonth month, InvoiceStatus status, String currency, BigDecimal total,
        int lines, boolean changed) {

    public InvoiceState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
    }

    InvoiceState withChanged(boolean value) {
        return new InvoiceState(tenant, month, status, currency, total, lines, value);
    }
}
