package io.flowbill.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;

/**
 * Days whose usage changed after they were rated: metering records the hours it wrote or changed in closed windows
 * ({@code usage_change}); a day with such an hour that was rated before is billed again, and billing a day clears
 * its hours. A killed run leaves the rows, so the next run bills the day again.
 */
@Repository
class ChangedDays {

    private final JdbcTemplate jdbc;

    ChangedDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rated days with changed hours, oldest first. */
    List<LocalDate> due(BillingZone zone) {
        return jdbc.queryForList("""
                select distinct cast(c.window_start at time zone ? as date) as day from usage_change c
                 where exists (select 1 from rated_day r where r.charge_date = cast(c.window_start at time zone ? as date))
                 order by day
                """, Date.class, zone.id().getId(), zone.id().getId()).stream().map(Date::toLocalDate).toList();
    }

    /** Forgets the changed hours of a day that has just been billed. */
    void billed(LocalDate day, BillingZone zone) {
        jdbc.update("delete from usage_change where window_start >= ? and window_start < ?",
                Timestamp.from(zone.startOf(day)), Timestamp.from(zone.startOf(day.plusDays(1))));
    }
}
