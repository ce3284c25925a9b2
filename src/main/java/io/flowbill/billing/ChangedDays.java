package io.flowbill.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;

/**
 * Each tenant's days whose usage changed after they were rated: metering records the hours it wrote or changed in closed windows
 * ({@code usage_change}); a day with such an hour that was rated before is billed again, and billing a day clears
 * its hours. A killed run leaves the rows, so the next run bills the day again.
 */
@Repository
class ChangedDays {

    private final JdbcTemplate jdbc;

    ChangedDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's rated days with changed hours, oldest first. */
    List<LocalDate> due(String tenant, BillingZone zone) {
        return jdbc.queryForList("""
                select distinct cast(c.window_start at time zone ? as date) as day from usage_change c
                 where c.tenant_id = ? and exists (select 1 from rated_day r where r.tenant_id = c.tenant_id
                   and r.charge_date = cast(c.window_start at time zone ? as date))
                 order by day
                """, Date.class, zone.id().getId(), tenant, zone.id().getId()).stream().map(Date::toLocalDate).toList();
    }

    /**
     * What the database shows now: taken before a day is rated, it names the usage changes the rating can see
     * ({@link #billed}).
     */
    String snapshot() {
        return jdbc.queryForObject("select cast(pg_current_snapshot() as text)", String.class);
    }

    /**
     * Forgets the changed hours of a day that has just been billed, those recorded by transactions visible in
     * {@code seen} ({@link #snapshot} taken before its rating): a change written while the day was being rated stays,
     * so the next recheck bills the day again.
     */
    void billed(String tenant, LocalDate day, BillingZone zone, String seen) {
        jdbc.update("""
                delete from usage_change where tenant_id = ? and window_start >= ? and window_start < ?
                   and pg_visible_in_snapshot(recorded_by, cast(? as pg_snapshot))
                """, tenant, Timestamp.from(zone.startOf(day)), Timestamp.from(zone.startOf(day.plusDays(1))), seen);
    }
}
