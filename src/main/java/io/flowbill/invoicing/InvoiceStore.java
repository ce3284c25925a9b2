package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceVersion;
import io.flowbill.pricing.Rounding;
import io.flowbill.pricing.TenantPriceBooks;

/**
 * Invoices and their lines. A draft's lines are computed into a staging table and replace its lines only when
 * they differ (in the caller's transaction), so refreshing an unchanged month writes no row; a draft without lines
 * gets its first lines directly.
 */
@Repository
class InvoiceStore {

    private static final String LINE_COLUMNS = """
            container_id, item, tier, unit_price, corrects_month, quantity, unit, amount, currency, charge_type, spec_id,
            price_version""";

    /**
     * Whether the staged lines' count, amount or quantity differ from the invoice's: proof that the lines changed,
     * read in two scans, as on every night that rated a new day. Equal tallies prove nothing: {@link #LINES_DIFFER}
     * decides then.
     */
    private static final String TALLIES_DIFFER = """
            select (select row(count(*), sum(amount), sum(quantity)) from invoice_line where invoice_id = :invoice)
                   is distinct from
                   (select row(count(*), sum(amount), sum(quantity)) from invoice_line_staged where invoice_id = :invoice)
            """;

    /** Whether the staged lines and the invoice's differ as multisets (each side sorted: 0.7 s at 160,000 lines). */
    private static final String LINES_DIFFER = "select exists ((select " + LINE_COLUMNS + " from invoice_line"
            + " where invoice_id = :invoice except all select " + LINE_COLUMNS + " from invoice_line_staged"
            + " where invoice_id = :invoice) union all (select " + LINE_COLUMNS + " from invoice_line_staged"
            + " where invoice_id = :invoice except all select " + LINE_COLUMNS + " from invoice_line"
            + " where invoice_id = :invoice))";

    private final NamedParameterJdbcTemplate jdbc;
    private final String workMem;
    private final BillingZone zone;

    InvoiceStore(NamedParameterJdbcTemplate jdbc, InvoicingProperties settings, TenantPriceBooks books) {
        this.jdbc = jdbc;
        this.workMem = settings.workMem();
        this.zone = books.book().zone();
    }

    List<String> tenants() {
        return jdbc.getJdbcTemplate().queryForList("select tenant_id from flowbill_tenant order by tenant_id",
                String.class);
    }

    Set<YearMonth> finalMonths(String tenant) {
        return months("select billing_month from invoice where tenant_id = :tenant and status = 'FINAL'", tenant);
    }

    Set<YearMonth> reratedMonths(String tenant) {
        return months("select billing_month from closed_month_rerated where tenant_id = :tenant", tenant);
    }

    /** Creates the month's invoice as DRAFT when missing, locks it and returns its id and status. */
    Map<String, Object> lockOrCreate(String tenant, YearMonth month, String currency) {
        MapSqlParameterSource p = params(tenant, month).addValue("currency", currency);
        jdbc.update("""
                insert into invoice (tenant_id, billing_month, status, currency, total, lines, changed_at)
                values (:tenant, :first, 'DRAFT', :currency, 0, 0, now())
                on conflict (tenant_id, billing_month) do nothing
                """, p);
        return jdbc.queryForMap("select id, status from invoice where tenant_id = :tenant and billing_month = :first"
                + " for update", p);
    }

    /**
     * Recomputes a draft's lines (in the caller's transaction): the month's daily lines summed, its month-level
     * lines, and adjustments. An invoice without lines gets them directly; one with lines gets them through the
     * staging table, and they replace its lines only when they differ. Returns whether its lines changed.
     */
    boolean recompute(long invoiceId, String tenant, YearMonth month, List<YearMonth> corrected, Currency currency) {
        MapSqlParameterSource p = new MapSqlParameterSource("invoice", invoiceId);
        // the month's lines summed in one hash table rather than sorted on disk (4 MB, PostgreSQL's default, holds
        // the groups of a few thousand containers): 0.8 instead of 1.1 s for 10,000 containers' 496,000 lines
        jdbc.getJdbcTemplate().execute("set local work_mem = '" + workMem + "'");
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from invoice_line where invoice_id"
                + " = :invoice)", p, Boolean.class))) {
            return insertLines("invoice_line", invoiceId, tenant, month, corrected, currency) > 0;
        }
        jdbc.update("delete from invoice_line_staged where invoice_id = :invoice", p);
        insertLines("invoice_line_staged", invoiceId, tenant, month, corrected, currency);
        boolean changed = Boolean.TRUE.equals(jdbc.queryForObject(TALLIES_DIFFER, p, Boolean.class))
                || Boolean.TRUE.equals(jdbc.queryForObject(LINES_DIFFER, p, Boolean.class));
        if (changed) {
            jdbc.update("delete from invoice_line where invoice_id = :invoice", p);
            jdbc.update("insert into invoice_line (invoice_id, " + LINE_COLUMNS + ") select invoice_id, " + LINE_COLUMNS
                    + " from invoice_line_staged where invoice_id = :invoice", p);
        }
        jdbc.update("delete from invoice_line_staged where invoice_id = :invoice", p);
        return changed;
    }

    private int insertLines(String table, long invoiceId, String tenant, YearMonth month, List<YearMonth> corrected,
            Currency currency) {
        int lines = jdbc.update("insert into " + table + " (invoice_id, " + LINE_COLUMNS + ") "
                + InvoiceSql.monthLines(currency), params(tenant, month).addValue("invoice", invoiceId));
        for (YearMonth closed : corrected) {
            lines += jdbc.update("insert into " + table + " (invoice_id, " + LINE_COLUMNS + ") "
                    + InvoiceSql.adjustments(currency), params(tenant, closed).addValue("invoice", invoiceId)
                            .addValue("currency", currency.getCurrencyCode()).addValue("unit", closed.toString()));
        }
        return lines;
    }

    /**
     * Sets a draft's subtotal (the sum of its lines), tax and total (subtotal + tax) and its line count from its
     * current lines (in the caller's transaction); returns whether they changed. The tax is rounded here, once per
     * invoice, by {@link Rounding#tax} (docs/billing-rules.md, "Tax").
     */
    boolean updateTotals(long invoiceId, PriceVersion taxVersion, Currency currency, boolean linesChanged) {
        MapSqlParameterSource p = new MapSqlParameterSource("invoice", invoiceId);
        BigDecimal subtotal = jdbc.queryForObject("select coalesce(sum(amount), 0) from invoice_line"
                + " where invoice_id = :invoice", p, BigDecimal.class);
        BigDecimal tax = Rounding.tax(subtotal, taxVersion.taxRate(), currency);
        p.addValue("subtotal", subtotal).addValue("tax", tax).addValue("total", subtotal.add(tax))
                .addValue("rate", taxVersion.taxRate()).addValue("version", taxVersion.name())
                .addValue("currency", currency.getCurrencyCode()).addValue("force", linesChanged);
        return jdbc.update("""
                update invoice set currency = :currency, changed_at = now(), subtotal = :subtotal, tax_rate = :rate,
                  tax = :tax, tax_version = :version, total = :total,
                  lines = (select count(*) from invoice_line where invoice_id = :invoice)
                 where id = :invoice
                   and (:force or subtotal <> :subtotal or tax_rate <> :rate or tax <> :tax or total <> :total
                        or tax_version is distinct from :version or currency <> :currency)
                """, p) == 1;
    }

    /** Records what the draft's refresh saw: the tenant's change count and its prices' digest (in its transaction). */
    void refreshedAt(String tenant, YearMonth month, long changes, String pricesDigest) {
        jdbc.update("""
                insert into invoice_refresh (tenant_id, billing_month, changes, prices_digest)
                values (:tenant, :first, :changes, :prices)
                on conflict (tenant_id, billing_month) do update
                  set changes = excluded.changes, prices_digest = excluded.prices_digest
                """, params(tenant, month).addValue("changes", changes).addValue("prices", pricesDigest));
    }

    /**
     * Locks the month's DRAFT and tells whether its last refresh saw the tenant's current change count and prices:
     * then nothing behind it changed since, and refreshing it again would write nothing.
     */
    boolean isRefreshedAt(String tenant, YearMonth month, String pricesDigest) {
        MapSqlParameterSource p = params(tenant, month).addValue("prices", pricesDigest);
        if (jdbc.queryForList("select id from invoice where tenant_id = :tenant and billing_month = :first"
                + " and status = 'DRAFT' for update", p, Long.class).isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from invoice_refresh r
                                where r.tenant_id = :tenant and r.billing_month = :first and r.prices_digest = :prices
                                  and r.changes = (select coalesce(max(c.changes), 0) from tenant_change c
                                                    where c.tenant_id = :tenant))
                """, p, Boolean.class));
    }

    /** Makes a DRAFT invoice FINAL; returns whether it was a draft. */
    boolean close(String tenant, YearMonth month) {
        return jdbc.update("update invoice set status = 'FINAL', closed_at = now() where tenant_id = :tenant"
                + " and billing_month = :first and status = 'DRAFT'", params(tenant, month)) == 1;
    }

    InvoiceState state(String tenant, YearMonth month) {
        return jdbc.queryForObject("select status, currency, total, lines from invoice where tenant_id = :tenant"
                + " and billing_month = :first", params(tenant, month),
                (rs, row) -> new InvoiceState(tenant, month, InvoiceStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getBigDecimal(3), rs.getInt(4), false));
    }

    /** Days of the month no rating of {@code tenant} has run for. */
    List<String> unratedDays(String tenant, YearMonth month) {
        return jdbc.queryForList("""
                select to_char(d, 'YYYY-MM-DD') from generate_series(cast(:first as date), cast(:last as date),
                  interval '1 day') d
                 where not exists (select 1 from rated_day r where r.tenant_id = :tenant and r.charge_date = cast(d as date))
                 order by d
                """, new MapSqlParameterSource("first", Date.valueOf(month.atDay(1))).addValue("tenant", tenant)
                .addValue("last", Date.valueOf(month.atEndOfMonth())), String.class);
    }

    private Set<YearMonth> months(String sql, String tenant) {
        Set<YearMonth> months = new HashSet<>();
        jdbc.query(sql, Map.of("tenant", tenant),
                rs -> {
                    months.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                });
        return months;
    }

    private MapSqlParameterSource params(String tenant, YearMonth month) {
        return monthParams(tenant, month, zone);
    }

    /** The parameters of {@link InvoiceSql}'s queries for a tenant's month: its days and its seconds in the zone. */
    static MapSqlParameterSource monthParams(String tenant, YearMonth month, BillingZone zone) {
        return new MapSqlParameterSource("tenant", tenant)
                .addValue("first", Date.valueOf(month.atDay(1)))
                .addValue("next", Date.valueOf(month.plusMonths(1).atDay(1)))
                .addValue("monthSeconds", zone.secondsIn(month));
    }
}
