package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.flowbill.pricing.PriceBook;

/**
 * A tenant's month of usage as its invoice rates it, for readers outside invoicing (the day report's
 * reconciliation): what the month's daily lines come to when each invoice line is rated once.
 */
public final class MonthUsage {

    private MonthUsage() {
    }

    /** The month's usage lines rated once (docs/billing-rules.md, "Invoice lines: rated once"), added. */
    public static BigDecimal ratedOnce(JdbcTemplate jdbc, String tenant, YearMonth month, PriceBook book) {
        return new NamedParameterJdbcTemplate(jdbc).queryForObject("select coalesce(sum(amount), 0) from ("
                + InvoiceSql.ratedUsage(book.currency()) + ") usage",
                InvoiceStore.monthParams(tenant, month, book.zone()), BigDecimal.class);
    }
}
