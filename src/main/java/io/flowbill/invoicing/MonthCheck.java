package io.flowbill.invoicing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.TenantPriceBooks;

/**
 * The check of the month's running sums ({@link MonthSums}): recomputes a tenant's month from its daily rows, as the
 * invoice did before it kept running sums, and names every line where the two differ. Read-only; costs what a
 * refresh used to (the month's daily rows summed).
 */
@Component
public class MonthCheck {

    private static final String INVOICE_LINE = """
            container_id, item, tier, unit_price, quantity, unit, amount, currency, charge_type, spec_id, price_version""";

    private final NamedParameterJdbcTemplate jdbc;
    private final PriceBook book;

    MonthCheck(NamedParameterJdbcTemplate jdbc, TenantPriceBooks books) {
        this.jdbc = jdbc;
        this.book = books.book();
    }

    /**
     * Where the tenant's month as the running sums hold it differs from the month summed again from its daily rows:
     * the usage lines rated once, the package days per container, spec and version, and (when the month has an
     * invoice) the invoice's own lines and its subtotal. Empty when they are equal, line by line.
     */
    public List<String> differences(String tenant, YearMonth month) {
        MapSqlParameterSource p = InvoiceStore.monthParams(tenant, month, book.zone());
        List<String> found = new ArrayList<>();
        found.addAll(both("usage line", InvoiceSql.ratedUsage(book.currency()),
                InvoiceSql.recomputedUsage(book.currency()), p));
        found.addAll(both("package month", """
                select container_id, spec_id, price_version, package_seconds, outbound_mb from package_month
                 where tenant_id = :tenant and billing_month = :first""", """
                select container_id, spec_id, price_version, sum(package_seconds), sum(outbound_mb) from package_day
                 where tenant_id = :tenant and charge_date >= :first and charge_date < :next
                   and price_version is not null
                 group by container_id, spec_id, price_version""", p));
        List<Long> invoice = jdbc.queryForList("select id from invoice where tenant_id = :tenant"
                + " and billing_month = :first", p, Long.class);
        if (!invoice.isEmpty()) {
            p.addValue("invoice", invoice.get(0));
            found.addAll(both("invoice line", "select " + INVOICE_LINE + " from invoice_line"
                    + " where invoice_id = :invoice and corrects_month is null", "select " + INVOICE_LINE
                    + " from (" + InvoiceSql.monthLines(InvoiceSql.recomputedUsage(book.currency())).replace(
                            "select :invoice,", "select :invoice as invoice_id,") + ") recomputed", p));
            found.addAll(jdbc.queryForList("""
                    select 'invoice subtotal ' || i.subtotal || ', recomputed ' || (l.amount + coalesce(a.amount, 0))
                      from invoice i,
                           (select coalesce(sum(amount), 0) as amount from (%s) recomputed) l,
                           (select sum(amount) as amount from invoice_line
                             where invoice_id = :invoice and corrects_month is not null) a
                     where i.id = :invoice and i.subtotal <> l.amount + coalesce(a.amount, 0)
                    """.formatted(InvoiceSql.monthLines(InvoiceSql.recomputedUsage(book.currency()))), p,
                    String.class));
        }
        return found;
    }

    private List<String> both(String what, String kept, String recomputed, MapSqlParameterSource p) {
        return jdbc.queryForList("select '" + what + " ' || d.side || ': ' || row_to_json(d)::text from ("
                + "(select 'kept only' as side, * from (" + kept + " except all " + recomputed + ") k)"
                + " union all (select 'recomputed only', * from (" + recomputed + " except all " + kept + ") r)) d",
                p, String.class);
    }
}
