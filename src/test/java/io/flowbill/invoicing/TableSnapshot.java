package io.flowbill.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of flowbill's billing tables with its PostgreSQL row version ({@code xmin}): two equal snapshots mean
 * no row was inserted, deleted or rewritten in between, not merely that the values came out the same.
 */
public final class TableSnapshot {

    public static final List<String> BILLING_TABLES = List.of("usage_hour", "metering_exception", "charge_line",
            "charge_line_staged", "package_day", "package_day_staged", "rated_day", "month_charge_line", "invoice",
            "invoice_line", "invoice_line_staged", "closed_month_rerated");

    private TableSnapshot() {
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : BILLING_TABLES) {
            snapshot.put(table, jdbc.queryForList("select t.xmin::text || ' ' || t::text as row from " + table
                    + " t order by row", String.class));
        }
        return snapshot;
    }
}
