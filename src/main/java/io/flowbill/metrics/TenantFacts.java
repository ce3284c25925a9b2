package io.flowbill.metrics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the metrics read per tenant beyond a day's figures: each tenant's last billed day, from {@code billed_day}
 * only (never the day another tenant or a one-shot run rated), and the unresolved exceptions that still need
 * someone, by kind.
 */
@Component
class TenantFacts {

    /**
     * A {@code lifetime_unknown} exception whose hours at risk round to 0.00 h (the container was found gone within
     * 18 s of its last sighting) has nothing left to bill: it is not counted as needing someone.
     */
    static final String NOTHING_AT_RISK = "kind = 'lifetime_unknown' and raw_value ~ '^0(\\.0+)? h$'";

    /** One tenant's unresolved exceptions of one kind. */
    record Open(String tenant, String kind, long count) {
    }

    private final JdbcTemplate jdbc;

    TenantFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last day of each tenant that {@code billed_day} records as billed completely. */
    Map<String, LocalDate> lastBilledDays() {
        Map<String, LocalDate> days = new LinkedHashMap<>();
        jdbc.query("select tenant_id, max(charge_date) from billed_day group by tenant_id order by tenant_id",
                rs -> {
                    days.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        return days;
    }

    /** Unresolved exceptions of every day by tenant and kind, without those that have nothing at risk. */
    List<Open> unresolvedExceptions() {
        return jdbc.query("select tenant_id, kind, count(*) from metering_exception where not resolved and not ("
                + NOTHING_AT_RISK + ") group by tenant_id, kind",
                (rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }
}
