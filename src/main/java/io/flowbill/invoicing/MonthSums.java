package io.flowbill.invoicing;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.ChargeItem;
import io.flowbill.pricing.Rounding;
import io.flowbill.pricing.TenantPriceBooks;

/**
 * The month's running sums that the invoice reads instead of the month's daily rows: {@code month_usage} (the daily
 * charge lines summed per invoice line, each rated once) and {@code package_month} (the package days with a price
 * version summed per container, spec and version). A day's publish adds its delta, the day's staged rows minus the
 * rows they replace, in the publish's transaction ({@link #addDelta}), so the sums grow with the day, not the month,
 * and a day rated again replaces exactly its own contribution. Only the invoice lines a delta changed are rated
 * again ({@link #rateChanged}, by {@link Rounding}'s rule).
 */
@Repository
class MonthSums {

    private static final String USAGE_KEY = """
            container_id, item, tier, charge_type, spec_id, price_version, unit_price, unit, currency""";

    private static final String PACKAGE_KEY = "container_id, spec_id, price_version";

    private final JdbcTemplate jdbc;
    private final BillingZone zone;

    MonthSums(JdbcTemplate jdbc, TenantPriceBooks books) {
        this.jdbc = jdbc;
        this.zone = books.book().zone();
    }

    /**
     * Adds to the month's sums the day's staged rows of {@code table} ({@code charge_line} or {@code package_day})
     * minus its stored ones; call in the publish's transaction right before the stored rows are replaced. Keys whose
     * rows did not change add nothing and keep their rated amount.
     */
    void addDelta(String table, String tenant, LocalDate date) {
        Date day = Date.valueOf(date);
        Date month = firstDay(date);
        if (table.equals("charge_line")) {
            jdbc.update("insert into month_usage as m (tenant_id, billing_month, " + USAGE_KEY
                    + ", quantity, daily_lines) select ?, ?, " + USAGE_KEY + ", sum(quantity), sum(lines)"
                    + " from (select " + USAGE_KEY + ", quantity, 1 as lines from charge_line_staged"
                    + " where tenant_id = ? and charge_date = ?"
                    + " union all select " + USAGE_KEY + ", -quantity, -1 from charge_line"
                    + " where tenant_id = ? and charge_date = ?) delta group by " + USAGE_KEY
                    + " having sum(quantity) <> 0 or sum(lines) <> 0"
                    + " on conflict on constraint month_usage_once do update set quantity = m.quantity"
                    + " + excluded.quantity, daily_lines = m.daily_lines + excluded.daily_lines, amount = null",
                    tenant, month, tenant, day, tenant, day);
            jdbc.update("delete from month_usage where tenant_id = ? and billing_month = ? and daily_lines = 0",
                    tenant, month);
        } else if (table.equals("package_day")) {
            jdbc.update("insert into package_month as m (tenant_id, billing_month, " + PACKAGE_KEY
                    + ", package_seconds, outbound_mb, package_days) select ?, ?, " + PACKAGE_KEY
                    + ", sum(package_seconds), sum(outbound_mb), sum(days)"
                    + " from (select " + PACKAGE_KEY + ", package_seconds, outbound_mb, 1 as days"
                    + " from package_day_staged where tenant_id = ? and charge_date = ? and price_version is not null"
                    + " union all select " + PACKAGE_KEY + ", -package_seconds, -outbound_mb, -1 from package_day"
                    + " where tenant_id = ? and charge_date = ? and price_version is not null) delta"
                    + " group by " + PACKAGE_KEY
                    + " having sum(package_seconds) <> 0 or sum(outbound_mb) <> 0 or sum(days) <> 0"
                    + " on conflict on constraint package_month_once do update set package_seconds ="
                    + " m.package_seconds + excluded.package_seconds, outbound_mb = m.outbound_mb"
                    + " + excluded.outbound_mb, package_days = m.package_days + excluded.package_days",
                    tenant, month, tenant, day, tenant, day);
            jdbc.update("delete from package_month where tenant_id = ? and billing_month = ? and package_days = 0",
                    tenant, month);
        } else {
            throw new IllegalArgumentException("no month sums of " + table);
        }
    }

    /**
     * Rates the tenant's invoice lines of the month that a delta changed since they were last rated: quantity the
     * month's (a package's: its seconds over the month's), amount = round(quantity x unit price) once.
     */
    void rateChanged(String tenant, YearMonth month, Currency currency) {
        jdbc.update("update month_usage set amount = " + Rounding.amountSql(billedQuantity(Long.toString(zone.secondsIn(month))),
                "unit_price", currency) + " where tenant_id = ? and billing_month = ? and amount is null", tenant,
                Date.valueOf(month.atDay(1)));
    }

    /**
     * Forgets the tenant's day as if it had never been rated: its charge lines and package days leave the month's
     * sums and are deleted (in the caller's transaction).
     */
    void withdraw(String tenant, LocalDate date) {
        Date day = Date.valueOf(date);
        for (String table : new String[] { "charge_line", "package_day" }) {
            String staged = table + "_staged";
            jdbc.update("delete from " + staged + " where tenant_id = ? and charge_date = ?", tenant, day);
            addDelta(table, tenant, date);
            jdbc.update("delete from " + table + " where tenant_id = ? and charge_date = ?", tenant, day);
        }
    }

    /**
     * Sums the tenant's month again from its daily rows, replacing the running sums (in the caller's transaction):
     * for rows written around the publish (a migration, a repair, a test that writes charge lines itself).
     */
    void rebuild(String tenant, YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date next = Date.valueOf(month.plusMonths(1).atDay(1));
        jdbc.update("delete from month_usage where tenant_id = ? and billing_month = ?", tenant, first);
        jdbc.update("insert into month_usage (tenant_id, billing_month, " + USAGE_KEY + ", quantity, daily_lines)"
                + " select tenant_id, ?, " + USAGE_KEY + ", sum(quantity), count(*) from charge_line"
                + " where tenant_id = ? and charge_date >= ? and charge_date < ? group by tenant_id, " + USAGE_KEY,
                first, tenant, first, next);
        jdbc.update("delete from package_month where tenant_id = ? and billing_month = ?", tenant, first);
        jdbc.update("insert into package_month (tenant_id, billing_month, " + PACKAGE_KEY + ", package_seconds,"
                + " outbound_mb, package_days) select tenant_id, ?, " + PACKAGE_KEY + ", sum(package_seconds),"
                + " sum(outbound_mb), count(*) from package_day where tenant_id = ? and charge_date >= ?"
                + " and charge_date < ? and price_version is not null group by tenant_id, " + PACKAGE_KEY,
                first, tenant, first, next);
        jdbc.update("insert into tenant_change (tenant_id, changes) values (?, 1) on conflict (tenant_id)"
                + " do update set changes = tenant_change.changes + 1", tenant);
    }

    /** Moves the tenant's change count (in the publish's transaction of a day that changed). */
    void changed(String tenant) {
        jdbc.update("insert into tenant_change (tenant_id, changes) values (?, 1) on conflict (tenant_id)"
                + " do update set changes = tenant_change.changes + 1", tenant);
    }

    /** The tenant's change count: moved by every publish that changed a day. */
    long changes(String tenant) {
        Long changes = jdbc.queryForObject("select coalesce(max(changes), 0) from tenant_change where tenant_id = ?",
                Long.class, tenant);
        return changes == null ? 0 : changes;
    }

    /** SQL of a {@code month_usage} row's billed quantity: a package's month share, else the summed quantity. */
    static String billedQuantity(String monthSeconds) {
        return "case when item = '" + ChargeItem.PACKAGE.code() + "' then "
                + Rounding.packageMonthSql("quantity", monthSeconds) + " else quantity end";
    }

    private static Date firstDay(LocalDate date) {
        return Date.valueOf(YearMonth.from(date).atDay(1));
    }
}
