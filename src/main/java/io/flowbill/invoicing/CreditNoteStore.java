package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.Rounding;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.webhooks.EventType;
import io.flowbill.webhooks.WebhookOutbox;

/**
 * Credit notes (红字发票): when a closed month's lines now come to less than its FINAL invoice and what corrected it
 * since, one credit note returns the difference, per container, referring to that invoice (docs/billing-rules.md,
 * "Credit notes"). Issued once per correction found, in the caller's transaction, and never changed; announced
 * in the same transaction ({@code credit_note.created}).
 */
@Repository
class CreditNoteStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final BillingZone zone;
    private final WebhookOutbox webhooks;

    CreditNoteStore(NamedParameterJdbcTemplate jdbc, TenantPriceBooks books, WebhookOutbox webhooks) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.zone = books.book().zone();
    }

    /**
     * Issues a credit note for the closed {@code month} when its correction is downwards (its containers'
     * differences add up to less than 0), from the refresh of the open month {@code issuedIn}; returns whether one was
     * issued. An upward or zero correction issues none: it stays adjustments of the next invoice.
     */
    boolean issueIfDownwards(String tenant, YearMonth month, YearMonth issuedIn, Currency currency) {
        MapSqlParameterSource p = InvoiceStore.monthParams(tenant, month, zone);
        List<Map<String, Object>> differences = jdbc.queryForList("select container_id, difference from ("
                + InvoiceSql.differences(currency) + ") d where difference <> 0 order by container_id", p);
        BigDecimal net = differences.stream().map(row -> (BigDecimal) row.get("difference"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (net.signum() >= 0) {
            return false;
        }
        Map<String, Object> invoice = jdbc.queryForMap("select id, tax_rate from invoice where tenant_id = :tenant"
                + " and billing_month = :first and status = 'FINAL'", p);
        BigDecimal tax = Rounding.tax(net, (BigDecimal) invoice.get("tax_rate"), currency);
        p.addValue("invoice", invoice.get("id")).addValue("rate", invoice.get("tax_rate")).addValue("subtotal", net)
                .addValue("tax", tax).addValue("total", net.add(tax)).addValue("lines", differences.size())
                .addValue("currency", currency.getCurrencyCode()).addValue("issuedIn",
                        Date.valueOf(issuedIn.atDay(1)));
        long id = jdbc.queryForObject("""
                insert into credit_note (tenant_id, corrects_month, sequence, corrects_invoice_id, issued_in_month,
                  currency, subtotal, tax_rate, tax, total, lines, issued_at)
                values (:tenant, :first, (select coalesce(max(sequence), 0) + 1 from credit_note
                                           where tenant_id = :tenant and corrects_month = :first),
                        :invoice, :issuedIn, :currency, :subtotal, :rate, :tax, :total, :lines, now())
                returning id
                """, p, Long.class);
        jdbc.batchUpdate("""
                insert into credit_note_line (credit_note_id, container_id, quantity, unit, unit_price, amount, currency)
                values (:note, :container, 1, :unit, :amount, :amount, :currency)
                """, differences.stream().map(row -> new MapSqlParameterSource("note", id)
                .addValue("container", row.get("container_id")).addValue("unit", month.toString())
                .addValue("amount", row.get("difference")).addValue("currency", currency.getCurrencyCode()))
                .toArray(MapSqlParameterSource[]::new));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("credit_note_id", id);
        data.put("corrects_month", month.toString());
        data.put("issued_in_month", issuedIn.toString());
        data.put("subtotal", net.toPlainString());
        data.put("tax", tax.toPlainString());
        data.put("total", net.add(tax).toPlainString());
        data.put("currency", currency.getCurrencyCode());
        data.put("lines", differences.size());
        webhooks.record(tenant, EventType.CREDIT_NOTE_CREATED, "credit-note/" + id, data);
        return true;
    }
}
