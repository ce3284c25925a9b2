package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of the release before the partitioned tables (V202612080100) keeps every usage hour and charge line,
 * and so every month's money, through the migration: each row lands in the partition of its month, and the
 * constraints keep their names.
 */
class PartitionsMigrateUnchangedIT {

    static final String BEFORE = "202612070500";
    static final String MONTH_TOTALS = """
            select to_char(charge_date, 'YYYY-MM') as month, tenant_id, currency, sum(amount) as amount,
                   sum(quantity) as quantity, count(*) as lines
              from charge_line group by 1, 2, 3
            """;
    static final String MONTH_USAGE = """
            select to_char(window_start at time zone 'UTC', 'YYYY-MM') as month, tenant_id, sum(active_seconds),
                   sum(up_mb) as up_mb, sum(down_mb) as down_mb, count(*) as hours
              from usage_hour group by 1, 2
            """;

    @Test
    void keepsEveryMonthsMoneyAndPutsEachRowInItsMonthsPartition() {
        // given rows of four months, one far ahead, of two tenants, billed by the release before
        TestDatabase.Database db = Migrations.applyUpTo(TestDatabase.fresh(), BEFORE);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        TestTenants.register(jdbc, "acme");
        TestTenants.register(jdbc, "globex");
        jdbc.execute("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                                        active_seconds, up_mb, down_mb, inferred, run_id, metered_at)
                values ('acme', 1, timestamptz '2026-09-30 23:00Z', 'create_succ', true, 2, 1, 3600, 19056.64, 0,
                        false, 1, now()),
                       ('acme', 1, timestamptz '2026-10-31 16:00Z', 'create_succ', true, 2, 1, 1800, 0.5, 0.25, false,
                        1, now()),
                       ('globex', 2, timestamptz '2026-11-01 00:00Z', 'create_succ', true, 2, 1, 3600, null, null,
                        true, 1, now()),
                       ('globex', 2, timestamptz '2031-01-01 00:00Z', 'create_succ', true, 2, 1, 60, 1, 2, false,
                        1, now())
                """);
        jdbc.execute("""
                insert into charge_line (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
                                         price_version, quantity, unit, unit_price, amount, currency, run_id)
                values ('acme', date '2026-09-30', 1, 'compute', 0, 2, 1, 'v1', 24, 'hour', 0.039, 0.94, 'CNY', 1),
                       ('acme', date '2026-10-31', 1, 'compute', 0, 2, 1, 'v1', 24, 'hour', 0.039, 0.94, 'CNY', 1),
                       ('acme', date '2026-10-31', 1, 'traffic', 1, 2, 1, 'v1', 18.61, 'GB', 0.8, 14.89, 'CNY', 1),
                       ('globex', date '2026-11-01', 2, 'compute', 0, 2, 1, 'v1', 1, 'hour', 0.039, 0.04, 'CNY', 1),
                       ('globex', date '2031-01-01', 2, 'compute', 0, 2, 1, 'v1', 1, 'hour', 0.039, 0.04, 'CNY', 1)
                """);
        List<String> before = MoneyMigratesUnchangedIT.money(jdbc);
        List<String> totalsBefore = rows(jdbc, MONTH_TOTALS);
        List<String> usageBefore = rows(jdbc, MONTH_USAGE);

        // when
        Migrations.apply(db);

        // then
        assertThat(rows(jdbc, MONTH_TOTALS)).as("each month's charge totals").isEqualTo(totalsBefore);
        assertThat(rows(jdbc, MONTH_USAGE)).as("each month's usage").isEqualTo(usageBefore);
        assertThat(MoneyMigratesUnchangedIT.money(jdbc)).as("every money row").isEqualTo(before);
        assertThat(rows(jdbc, "select tableoid::regclass::text from usage_hour")).as("hours by UTC month")
                .containsExactly("(usage_hour_202609)", "(usage_hour_202610)", "(usage_hour_202611)",
                        "(usage_hour_203101)");
        assertThat(rows(jdbc, "select tableoid::regclass::text from charge_line"))
                .containsExactly("(charge_line_202609)", "(charge_line_202610)", "(charge_line_202610)",
                        "(charge_line_202611)", "(charge_line_203101)");
        assertThat(rows(jdbc, """
                select conrelid::regclass, conname from pg_constraint
                 where conrelid in ('usage_hour'::regclass, 'charge_line'::regclass)
                """)).containsExactly("(charge_line,charge_line_amount_rule)", "(charge_line,charge_line_amount_scale)",
                "(charge_line,charge_line_currency_iso)", "(charge_line,charge_line_once)",
                "(charge_line,charge_line_quantity_not_negative)", "(charge_line,charge_line_tenant_fkey)",
                "(charge_line,charge_line_tier_not_negative)", "(charge_line,charge_line_unit_price_not_negative)",
                "(usage_hour,usage_hour_active_seconds_in_hour)", "(usage_hour,usage_hour_once)",
                "(usage_hour,usage_hour_tenant_fkey)");
    }

    static List<String> rows(JdbcTemplate jdbc, String query) {
        return jdbc.queryForList("select t::text from (" + query + ") t order by 1", String.class);
    }
}
