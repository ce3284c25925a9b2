package io.flowbill.invoicing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.system.CopyIn;

/**
 * The rating partitions' {@link DayTally}s, staged per run (the rating job's instance) and partition, and the day's
 * figures they sum to at publish: {@code usage_hour_day} (traffic per hour), {@code metered_day} and
 * {@code unbilled_day} (the report's metered and not billed containers); {@link DayRollup} sums their traffic into
 * {@code usage_day}. A partition that runs again replaces what it staged before, and the publish reads only its own
 * run's partitions, so nothing staged is counted twice.
 */
@Repository
class DayTallies {

    private static final List<String> STAGED = List.of("usage_tally_staged", "hour_tally_staged",
            "metered_tally_staged", "unbilled_tally_staged");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    DayTallies(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Stages what {@code partition} of {@code run} counted, replacing what it staged before. */
    void stage(long run, String partition, String tenant, LocalDate date, DayTally tally) {
        for (String table : STAGED) {
            jdbc.update("delete from " + table + " where run_id = ? and partition_name = ?", run, partition);
        }
        CopyIn usage = new CopyIn("usage_tally_staged (run_id, partition_name, tenant_id, charge_date, charge_type,"
                + " spec_id, up_mb, down_mb)");
        tally.byTypeAndSpec().forEach((key, traffic) -> usage.row(run, partition, tenant, date, key.chargeType(),
                key.specId(), traffic.upMb(), traffic.downMb()));
        usage.send(dataSource);
        CopyIn hours = new CopyIn("hour_tally_staged (run_id, partition_name, tenant_id, charge_date, window_start,"
                + " up_mb, down_mb, unreadable)");
        tally.byHour().forEach((hour, traffic) -> hours.row(run, partition, tenant, date, hour, traffic.upMb(),
                traffic.downMb(), traffic.unreadable()));
        hours.send(dataSource);
        jdbc.update("insert into metered_tally_staged (run_id, partition_name, tenant_id, charge_date, metered)"
                + " values (?, ?, ?, ?, ?)", run, partition, tenant, Date.valueOf(date), tally.metered());
        CopyIn unbilled = new CopyIn("unbilled_tally_staged (run_id, partition_name, tenant_id, charge_date,"
                + " container_id, status)");
        tally.unbilled().forEach(container -> unbilled.row(run, partition, tenant, date, container.containerId(),
                container.status()));
        unbilled.send(dataSource);
    }

    /** Forgets what any run staged for the tenant's day. */
    void reset(String tenant, LocalDate date) {
        for (String table : STAGED) {
            jdbc.update("delete from " + table + " where tenant_id = ? and charge_date = ?", tenant, Date.valueOf(date));
        }
    }

    /** Makes the sums of {@code run}'s staged partitions the day's figures (call in the publish's transaction). */
    void publish(String tenant, LocalDate date, long run) {
        Date day = Date.valueOf(date);
        jdbc.update("delete from usage_hour_day where tenant_id = ? and charge_date = ?", tenant, day);
        jdbc.update("""
                insert into usage_hour_day (tenant_id, charge_date, window_start, up_mb, down_mb, unreadable)
                select tenant_id, charge_date, window_start, sum(up_mb), sum(down_mb), sum(unreadable)
                  from hour_tally_staged where run_id = ? and tenant_id = ? and charge_date = ?
                 group by tenant_id, charge_date, window_start
                """, run, tenant, day);
        jdbc.update("""
                insert into metered_day (tenant_id, charge_date, metered)
                select ?, ?, coalesce(sum(metered), 0) from metered_tally_staged
                 where run_id = ? and tenant_id = ? and charge_date = ?
                on conflict on constraint metered_day_pkey do update set metered = excluded.metered
                """, tenant, day, run, tenant, day);
        jdbc.update("delete from unbilled_day where tenant_id = ? and charge_date = ?", tenant, day);
        jdbc.update("""
                insert into unbilled_day (tenant_id, charge_date, container_id, status)
                select tenant_id, charge_date, container_id, status
                  from unbilled_tally_staged where run_id = ? and tenant_id = ? and charge_date = ?
                """, run, tenant, day);
    }
}
