package io.flowbill.invoicing;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * The daily rollup the dashboards read ({@code charge_day}, {@code usage_day}): a rated day's charge lines summed
 * per tenant, item, charge type, spec and currency, and per charge type and spec its containers and the traffic of
 * its hours in the billing zone (as the rating partitions counted it while reading the hours: {@link DayTallies}).
 * {@link ChargeLineStore#publish} refreshes a tenant's day in the transaction that publishes its
 * lines; a row whose figures did not change is left as it is, so rating the same usage again changes nothing.
 */
@Repository
class DayRollup {

    private static final String CHARGES = """
            select tenant_id, charge_date, item, charge_type, spec_id, currency, sum(amount), count(*)
              from charge_line where tenant_id = ? and charge_date = ?
             group by tenant_id, charge_date, item, charge_type, spec_id, currency
            """;

    private static final String USAGE = """
            with lines as (
                   select tenant_id, charge_type, spec_id, count(distinct container_id) as containers
                     from charge_line where tenant_id = ? and charge_date = ? group by tenant_id, charge_type, spec_id),
                 traffic as (
                   select tenant_id, charge_type, spec_id, sum(up_mb) as up_mb, sum(down_mb) as down_mb
                     from usage_tally_staged where run_id = ? and tenant_id = ? and charge_date = ?
                    group by tenant_id, charge_type, spec_id)
            select tenant_id, cast(? as date), charge_type, spec_id, coalesce(l.containers, 0),
                   coalesce(t.up_mb, 0), coalesce(t.down_mb, 0)
              from lines l full join traffic t using (tenant_id, charge_type, spec_id)
            """;

    private final JdbcTemplate jdbc;

    DayRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the day's rollup rows equal what its charge lines hold now and what the partitions of {@code run} staged
     * of its usage hours (call in the publish's transaction).
     */
    void refresh(String tenant, LocalDate date, long run) {
        Date day = Date.valueOf(date);
        jdbc.update("""
                delete from charge_day d where d.tenant_id = ? and d.charge_date = ?
                   and (d.tenant_id, d.item, d.charge_type, d.spec_id, d.currency) not in (
                       select tenant_id, item, charge_type, spec_id, currency from charge_line
                        where tenant_id = ? and charge_date = ?)
                """, tenant, day, tenant, day);
        jdbc.update("insert into charge_day (tenant_id, charge_date, item, charge_type, spec_id, currency, amount, lines) "
                + CHARGES + """
                on conflict on constraint charge_day_once do update
                  set amount = excluded.amount, lines = excluded.lines
                  where (charge_day.amount, charge_day.lines) is distinct from (excluded.amount, excluded.lines)
                """, tenant, day);
        // the rows no longer there are deleted by the same statement
        jdbc.update("with fresh (tenant_id, charge_date, charge_type, spec_id, containers, up_mb, down_mb) as ("
                + USAGE + """
                ), gone as (
                  delete from usage_day d where d.tenant_id = ? and d.charge_date = ?
                     and not exists (select 1 from fresh f
                                      where (f.tenant_id, f.charge_type, f.spec_id) = (d.tenant_id, d.charge_type, d.spec_id)))
                insert into usage_day (tenant_id, charge_date, charge_type, spec_id, containers, up_mb, down_mb)
                select * from fresh
                on conflict on constraint usage_day_once do update
                  set containers = excluded.containers, up_mb = excluded.up_mb, down_mb = excluded.down_mb
                  where (usage_day.containers, usage_day.up_mb, usage_day.down_mb)
                        is distinct from (excluded.containers, excluded.up_mb, excluded.down_mb)
                """, tenant, day, run, tenant, day, day, tenant, day);
    }
}
