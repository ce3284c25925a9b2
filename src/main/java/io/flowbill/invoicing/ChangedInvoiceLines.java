package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes only the lines of a draft that changed since its last refresh (docs/billing-rules.md, "Invoice lines: rated
 * once"), in the caller's transaction: the usage lines of the {@code month_usage} rows a publish marked (new, changed
 * or gone: a row whose daily count reached 0), compared with the invoice's line of the same key, and the month-level
 * lines and adjustments, few, compared whole. A line equal to its staged one is not written; the unmarked rows'
 * lines are not read. The amounts and count written are returned, so the totals follow exactly.
 */
@Repository
class ChangedInvoiceLines {

    private static final String USAGE_KEY_MATCHES = Arrays.stream(new String[] { "container_id", "item", "tier",
            "unit_price", "charge_type", "spec_id", "price_version" }).map(c -> "l." + c + " = s." + c)
            .collect(Collectors.joining(" and "));

    private final NamedParameterJdbcTemplate jdbc;

    ChangedInvoiceLines(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the changed lines of the draft {@code :invoice} of {@code p}'s tenant and month; see the type. */
    LinesWritten write(MapSqlParameterSource p, List<MapSqlParameterSource> corrected, Currency currency) {
        jdbc.update("delete from invoice_line_staged where invoice_id = :invoice", p);
        jdbc.update(InvoiceSql.claimChangedUsage(currency), p);
        jdbc.update("insert into invoice_line_staged (invoice_id, " + InvoiceStore.LINE_COLUMNS + ") "
                + InvoiceSql.monthLevelLines(), p);
        for (MapSqlParameterSource closed : corrected) {
            jdbc.update("insert into invoice_line_staged (invoice_id, " + InvoiceStore.LINE_COLUMNS + ") "
                    + InvoiceSql.adjustments(currency), closed);
        }
        Moved removedUsage = moved("""
                delete from invoice_line l using invoice_line_staged s
                 where s.invoice_id = :invoice and s.daily_lines is not null and l.invoice_id = :invoice
                   and l.corrects_month is null and %s and (s.daily_lines = 0 or %s is distinct from %s)
                returning l.amount""".formatted(USAGE_KEY_MATCHES, row("l"), row("s")), p);
        Moved removedOther = moved("""
                delete from invoice_line l
                 where l.invoice_id = :invoice and %s
                   and not exists (select 1 from invoice_line_staged s where s.invoice_id = :invoice
                                      and s.daily_lines is null and %s is not distinct from %s)
                returning l.amount""".formatted(InvoiceSql.notUsage("l"), row("l"), row("s")), p);
        Moved added = moved("""
                insert into invoice_line (invoice_id, %s)
                select invoice_id, %s from invoice_line_staged s
                 where s.invoice_id = :invoice and (s.daily_lines is null or s.daily_lines > 0)
                   and not exists (select 1 from invoice_line l where l.invoice_id = :invoice
                                      and l.container_id = s.container_id and l.item = s.item
                                      and %s is not distinct from %s)
                returning amount""".formatted(InvoiceStore.LINE_COLUMNS, InvoiceStore.LINE_COLUMNS, row("l"),
                row("s")), p);
        jdbc.update("delete from invoice_line_staged where invoice_id = :invoice", p);
        forgetGoneRows(p);
        int count = added.count() - removedUsage.count() - removedOther.count();
        BigDecimal amount = added.amount().subtract(removedUsage.amount()).subtract(removedOther.amount());
        return new LinesWritten(added.count() + removedUsage.count() + removedOther.count() > 0, amount, count);
    }

    /**
     * Clears every mark of the month's rows (in the caller's transaction), for a refresh that writes or compares all
     * the lines: after it, the lines follow the unmarked rows.
     */
    void claimAll(MapSqlParameterSource p) {
        jdbc.update("update month_usage set changed_since_refresh = false where tenant_id = :tenant"
                + " and billing_month = :first and changed_since_refresh", p);
        forgetGoneRows(p);
    }

    /** Deletes the month's rows whose daily lines all went, once a refresh has taken their lines off. */
    private void forgetGoneRows(MapSqlParameterSource p) {
        jdbc.update("delete from month_usage where tenant_id = :tenant and billing_month = :first"
                + " and daily_lines = 0 and not changed_since_refresh", p);
    }

    private Moved moved(String dataChange, MapSqlParameterSource p) {
        return jdbc.queryForObject("with moved as (" + dataChange + ") select count(*), coalesce(sum(amount), 0)"
                + " from moved", p, (rs, row) -> new Moved(rs.getInt(1), rs.getBigDecimal(2)));
    }

    /** An invoice line's columns as one row value of table alias {@code t}. */
    private static String row(String t) {
        return Arrays.stream(InvoiceStore.LINE_COLUMNS.split(",")).map(c -> t + "." + c.strip())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The lines a statement added or removed: how many and their amounts' exact sum. */
    private record Moved(int count, BigDecimal amount) {
    }
}
