package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The schema refuses what no bill may hold (docs/billing-rules.md, "What the schema refuses"), each by a named
 * constraint, whatever code writes the row.
 */
class SchemaEnforcesMoneyIT {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        TestTenants.register(jdbc, "acme");
    }

    @Test
    void refusesAChargeLineAmountBelowTheMinorUnit() {
        assertRefused(chargeLine("acme", "1.000000000", "0.4995", "0.4995", "CNY", 1), "charge_line_amount_scale");
    }

    @Test
    void refusesAnInvoiceTotalBelowTheMinorUnit() {
        assertRefused("""
                insert into invoice (tenant_id, billing_month, status, currency, subtotal, tax, total, lines, changed_at)
                values ('acme', date '2026-10-01', 'DRAFT', 'CNY', 1.005, 0, 1.005, 0, now())
                """, "invoice_money_scale");
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        assertRefused(chargeLine("acme", "1.000000000", "0.50", "0.50", "cny", 2), "charge_line_currency_iso");
        assertRefused(chargeLine("acme", "1.000000000", "0.50", "0.50", "yuan", 3), "character varying(3)");
    }

    @Test
    void refusesRowsOfATenantThatIsNotRegistered() {
        assertRefused(chargeLine("nobody", "1.000000000", "0.50", "0.50", "CNY", 4), "charge_line_tenant_fkey");
        assertRefused(usageHour("nobody", 4), "usage_hour_tenant_fkey");
    }

    @Test
    void refusesADuplicateFactRow() {
        jdbc.update(usageHour("acme", 5));
        assertRefused(usageHour("acme", 5), "usage_hour_once");
        jdbc.update(chargeLine("acme", "2.000000000", "0.25", "0.50", "CNY", 5));
        assertRefused(chargeLine("acme", "2.000000000", "0.25", "0.50", "CNY", 5), "charge_line_once");
    }

    @Test
    void everyFactTableHasAPrimaryKey() {
        assertThat(jdbc.queryForList("""
                select c.relname from pg_class c
                 where c.relname in ('usage_hour', 'charge_line', 'month_charge_line', 'invoice_line')
                   and exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
                """, String.class)).containsExactlyInAnyOrder("usage_hour", "charge_line", "month_charge_line",
                "invoice_line");
    }

    @Test
    void everyTenantColumnReferencesTheTenantTable() {
        assertThat(jdbc.queryForList("""
                select c.table_name from information_schema.columns c
                 where c.table_schema = 'public' and c.column_name = 'tenant_id' and c.table_name <> 'flowbill_tenant'
                   and not exists (select 1 from pg_constraint k
                                    where k.conrelid = ('public.' || c.table_name)::regclass and k.contype = 'f'
                                      and k.confrelid = 'flowbill_tenant'::regclass)
                   and exists (select 1 from pg_class t where t.oid = ('public.' || c.table_name)::regclass
                                                         and t.relkind in ('r', 'p'))
                """, String.class)).as("tables whose tenant_id references no tenant").isEmpty();
    }

    @Test
    void noConstraintIsKnownOnlyByAGeneratedName() {
        assertThat(jdbc.queryForList("""
                select conrelid::regclass || '.' || conname from pg_constraint
                 where connamespace = 'public'::regnamespace
                   and (conname ~ '_check$' or conname ~ '_id_fkey$' or (contype = 'u' and conname ~ '_key$'))
                """, String.class)).as("constraints named by PostgreSQL, not by a migration").isEmpty();
    }

    static String chargeLine(String tenant, String quantity, String unitPrice, String amount, String currency,
            long container) {
        return "insert into charge_line (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,"
                + " price_version, quantity, unit, unit_price, amount, currency, run_id) values ('" + tenant
                + "', date '2026-11-25', " + container + ", 'compute', 0, 2, 20, 'v1', " + quantity + ", 'hour', "
                + unitPrice + ", " + amount + ", '" + currency + "', 1)";
    }

    static String usageHour(String tenant, long container) {
        return "insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,"
                + " active_seconds, inferred, run_id, metered_at) values ('" + tenant + "', " + container
                + ", timestamptz '2026-11-25 00:00Z', 'create_succ', true, 2, 20, 3600, false, 1, now())";
    }

    static void assertRefused(String insert, String constraint) {
        assertThatThrownBy(() -> jdbc.update(insert)).as("insert %s", insert)
                .isInstanceOf(DataAccessException.class).hasMessageContaining(constraint);
    }
}
