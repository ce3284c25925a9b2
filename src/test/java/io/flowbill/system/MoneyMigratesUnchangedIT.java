package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database billed by older releases keeps every figure of its months through the migration that makes the schema
 * enforce money (V202612070200): lines, invoices (a FINAL one whose lines summed daily-rounded amounts, which
 * invoice_line_amount_rule leaves as billed), credit notes; tenants present only in the data get registered.
 */
class MoneyMigratesUnchangedIT {

    static final String BEFORE = "202612070100";
    static final List<String> MONEY = List.of(
            "select tenant_id, charge_date, container_id, item, tier, quantity, unit_price, amount, currency from charge_line",
            "select tenant_id, billing_month, container_id, item, quantity, unit_price, amount, currency"
                    + " from month_charge_line",
            "select tenant_id, charge_date, item, amount, currency, lines from charge_day",
            "select tenant_id, billing_month, status, currency, subtotal, tax, total, lines from invoice",
            "select invoice_id, container_id, item, tier, unit_price, corrects_month, quantity, unit, amount, currency"
                    + " from invoice_line",
            "select tenant_id, corrects_month, sequence, currency, subtotal, tax, total from credit_note",
            "select credit_note_id, container_id, quantity, unit_price, amount, currency from credit_note_line",
            "select tenant_id, container_id, window_start, active_seconds, up_mb, down_mb from usage_hour");

    @Test
    void keepsEveryFigureOfAMonthBilledByAnOlderRelease() {
        // given a month billed by the release before
        TestDatabase.Database db = Migrations.applyUpTo(TestDatabase.fresh(), "202611290100");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        jdbc.execute("insert into flowbill_tenant (tenant_id) values ('acme')");
        jdbc.execute("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                                        active_seconds, up_mb, down_mb, inferred, run_id, metered_at)
                values ('acme', 1, timestamptz '2026-10-31 15:00Z', 'create_succ', true, 2, 1, 3600, 19056.64, 0, false,
                        1, now()),
                       ('globex', 2, timestamptz '2026-10-31 15:00Z', 'create_succ', true, 2, 1, 3600, 0.5, 0, false,
                        1, now())
                """);
        jdbc.execute("""
                insert into charge_line (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
                                         price_version, quantity, unit, unit_price, amount, currency, run_id)
                values ('acme', date '2026-10-31', 1, 'compute', 0, 2, 1, 'v1', 24, 'hour', 0.039, 0.94, 'CNY', 1),
                       ('globex', date '2026-10-31', 2, 'compute', 0, 2, 1, 'v1', 24, 'hour', 0.039, 0.94, 'CNY', 1)
                """);
        jdbc.execute("""
                insert into charge_day (tenant_id, charge_date, item, charge_type, spec_id, currency, amount, lines)
                values ('acme', date '2026-10-31', 'compute', 2, 1, 'CNY', 0.94, 1)
                """);
        jdbc.execute("""
                insert into month_charge_line (tenant_id, billing_month, container_id, item, charge_type, spec_id,
                                               price_version, quantity, unit, unit_price, amount, currency, changed_at)
                values ('acme', date '2026-10-01', 0, 'discount', 0, 0, 'plan-1', 28.20, 'compute', -0.10, -2.82,
                        'CNY', now())
                """);
        long invoice = jdbc.queryForObject("""
                insert into invoice (tenant_id, billing_month, status, currency, subtotal, tax_rate, tax, total, lines,
                                     changed_at, closed_at)
                values ('acme', date '2026-10-01', 'FINAL', 'CNY', 25.38, 0.06, 1.52, 26.90, 2, now(), now())
                returning id
                """, Long.class);
        // 31 daily lines of 0.94 summed: 29.14, not 744 h x 0.039 = 29.02 (the rule of rating once came later)
        jdbc.update("""
                insert into invoice_line (invoice_id, container_id, item, tier, unit_price, quantity, unit, amount,
                                          currency)
                values (?, 1, 'compute', 0, 0.039, 744, 'hour', 29.14, 'CNY'),
                       (?, 0, 'discount', 0, -0.10, 29.14, 'compute', -3.76, 'CNY')
                """, invoice, invoice);
        Migrations.applyUpTo(db, BEFORE);
        long note = jdbc.queryForObject("""
                insert into credit_note (tenant_id, corrects_month, sequence, corrects_invoice_id, issued_in_month,
                                         currency, subtotal, tax_rate, tax, total, lines, issued_at)
                values ('acme', date '2026-10-01', 1, ?, date '2026-11-01', 'CNY', -0.94, 0.06, -0.06, -1.00, 1, now())
                returning id
                """, Long.class, invoice);
        jdbc.update("""
                insert into credit_note_line (credit_note_id, container_id, quantity, unit, unit_price, amount, currency)
                values (?, 1, 1, '2026-10', -0.94, -0.94, 'CNY')
                """, note);
        List<String> before = money(jdbc);

        // when
        Migrations.apply(db);

        // then
        assertThat(money(jdbc)).as("every money row before and after V202612070200").isEqualTo(before);
        assertThat(jdbc.queryForList("select tenant_id from flowbill_tenant order by 1", String.class))
                .as("tenants of the data, registered by the migration").containsExactly("acme", "default", "globex");
    }

    static List<String> money(JdbcTemplate jdbc) {
        List<String> rows = new ArrayList<>();
        for (String query : MONEY) {
            rows.add(query);
            rows.addAll(jdbc.queryForList("select t::text from (" + query + ") t order by 1", String.class));
        }
        return rows;
    }
}
