package io.flowbill.serve;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the scheduler did last: the last metered window, the last billed day; and marks a day billed. */
class ScheduleState {

    private final JdbcTemplate jdbc;

    ScheduleState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Start of the tenant's last metered window, null when none. */
    Instant lastMeteredWindow(String tenant) {
        Timestamp last = jdbc.queryForObject("select max(window_start) from metered_window where tenant_id = ?",
                Timestamp.class, tenant);
        return last == null ? null : last.toInstant();
    }

    /** The last day billed completely (rated, invoiced, exported), null when none. */
    LocalDate lastBilledDay() {
        Date last = jdbc.queryForObject("select max(charge_date) from billed_day", Date.class);
        return last == null ? null : last.toLocalDate();
    }

    void markBilled(LocalDate day, Instant at) {
        jdbc.update("""
                insert into billed_day (charge_date, billed_at) values (?, ?)
                on conflict (charge_date) do update set billed_at = excluded.billed_at
                """, Date.valueOf(day), Timestamp.from(at));
    }
}
