package io.flowbill.serve;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the scheduler did last, per tenant: the last metered window, the last billed day; and marks a day billed. */
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

    /** The tenant's last day billed completely (rated, invoiced, exported), null when none. */
    LocalDate lastBilledDay(String tenant) {
        Date last = jdbc.queryForObject("select max(charge_date) from billed_day where tenant_id = ?", Date.class,
                tenant);
        return last == null ? null : last.toLocalDate();
    }

    void markBilled(String tenant, LocalDate day, Instant at) {
        jdbc.update("""
                insert into billed_day (tenant_id, charge_date, billed_at) values (?, ?, ?)
                on conflict (tenant_id, charge_date) do update set billed_at = excluded.billed_at
                """, tenant, Date.valueOf(day), Timestamp.from(at));
    }
}
