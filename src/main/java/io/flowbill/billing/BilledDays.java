package io.flowbill.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code billed_day}: the days of a tenant billed completely (rated, invoiced, exported) by {@code dayBillingJob},
 * whether {@code nightly} or {@code serve} ran it. The metrics read each tenant's last billed day here, so that a
 * missed nightly is seen whatever other job completed.
 */
@Component
class BilledDays {

    private final JdbcTemplate jdbc;

    BilledDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String tenant, LocalDate day, Instant at) {
        jdbc.update("""
                insert into billed_day (tenant_id, charge_date, billed_at) values (?, ?, ?)
                on conflict (tenant_id, charge_date) do update set billed_at = excluded.billed_at
                """, tenant, Date.valueOf(day), Timestamp.from(at));
    }
}
