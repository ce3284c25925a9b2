package io.flowbill.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flowbill.system.TestDatabase;

/**
 * The business columns of every billing table, one text per row: what a bill depends on, without what names a run
 * (run ids, job execution ids, surrogate invoice ids) or says when a row was written. A run that was killed and run
 * again must end with exactly the rows of a run that never failed.
 *
 * <p>Left out: {@code inventory_observation} (the log of every inventory scan, one set per scan, so a repeated scan
 * rightly adds rows), {@code container.first_seen_at}/{@code last_seen_at} and the {@code *_observed_at} columns
 * (the wall-clock time of the scan).
 */
record BillingRows(Map<String, List<String>> tables) {

    /** Table name and the select of its business columns. */
    static final Map<String, String> QUERIES = queries();

    private static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("flowbill_tenant", "select tenant_id from flowbill_tenant");
        q.put("container", "select tenant_id, container_id, name, created_at, gone_at from container");
        q.put("container_version", "select tenant_id, container_id, valid_from, status, charge_type, spec_id,"
                + " use_public_network, network_charge_type, bandwidth, image_id, name from container_version");
        q.put("usage_hour", "select tenant_id, container_id, window_start, status, billable, charge_type, spec_id,"
                + " use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, raw_up, raw_down,"
                + " inferred, traffic_pending from usage_hour");
        q.put("usage_change", "select tenant_id, window_start from usage_change");
        q.put("usage_revision", "select tenant_id, container_id, window_start, old_up_mb, new_up_mb, old_down_mb,"
                + " new_down_mb from usage_revision");
        // a resolved exception records a fault that happened and was cured (a flow read again): the outcome is the
        // unresolved ones
        q.put("metering_exception", "select tenant_id, container_id, window_start, kind, raw_value, message, resolved"
                + " from metering_exception where not resolved");
        q.put("metered_window", "select tenant_id, window_start, containers from metered_window");
        q.put("charge_line", "select tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,"
                + " price_version, quantity, unit, unit_price, amount, currency from charge_line");
        q.put("charge_line_staged", "select * from charge_line_staged");
        q.put("package_day", "select tenant_id, charge_date, container_id, spec_id, package_seconds, outbound_mb"
                + " from package_day");
        q.put("package_day_staged", "select * from package_day_staged");
        q.put("rated_day", "select charge_date, lines, package_days from rated_day");
        q.put("month_charge_line", "select tenant_id, billing_month, container_id, item, charge_type, spec_id,"
                + " price_version, quantity, unit, unit_price, amount, currency from month_charge_line");
        q.put("invoice", "select tenant_id, billing_month, status, currency, total, lines, closed_at is not null"
                + " from invoice");
        q.put("invoice_line", "select i.tenant_id, i.billing_month, l.container_id, l.item, l.tier, l.unit_price,"
                + " l.corrects_month, l.quantity, l.unit, l.amount, l.currency from invoice_line l join invoice i"
                + " on i.id = l.invoice_id");
        q.put("credit_note", "select tenant_id, corrects_month, sequence, issued_in_month, currency, subtotal, tax_rate,"
                + " tax, total, lines from credit_note");
        q.put("credit_note_line", "select n.tenant_id, n.corrects_month, n.sequence, l.container_id, l.quantity, l.unit,"
                + " l.unit_price, l.amount, l.currency from credit_note_line l join credit_note n on n.id = l.credit_note_id");
        q.put("invoice_line_staged", "select i.tenant_id, i.billing_month, l.container_id, l.item, l.tier,"
                + " l.unit_price, l.corrects_month, l.quantity, l.unit, l.amount, l.currency from invoice_line_staged l"
                + " left join invoice i on i.id = l.invoice_id");
        q.put("closed_month_rerated", "select tenant_id, billing_month from closed_month_rerated");
        q.put("billed_day", "select charge_date from billed_day");
        return q;
    }

    static BillingRows of(TestDatabase.Database database) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = CaseDatabase.connect(database); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : QUERIES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select t::text from (" + table.getValue() + ") t order by 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return new BillingRows(tables);
    }

    long rows() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    /**
     * Rows of {@code reference} missing here (lost) and rows here beyond the reference (duplicated or extra), as
     * multisets per table: a changed row counts once in each.
     */
    Difference against(BillingRows reference) {
        Map<String, Long> lost = new LinkedHashMap<>();
        Map<String, Long> extra = new LinkedHashMap<>();
        for (String table : QUERIES.keySet()) {
            Map<String, Long> balance = new HashMap<>();
            reference.tables.get(table).forEach(row -> balance.merge(row, 1L, Long::sum));
            tables.get(table).forEach(row -> balance.merge(row, -1L, Long::sum));
            long missing = balance.values().stream().filter(n -> n > 0).mapToLong(Long::longValue).sum();
            long surplus = -balance.values().stream().filter(n -> n < 0).mapToLong(Long::longValue).sum();
            if (missing > 0) {
                lost.put(table, missing);
            }
            if (surplus > 0) {
                extra.put(table, surplus);
            }
        }
        return new Difference(lost, extra);
    }

    /** Rows lost and rows duplicated, per table. */
    record Difference(Map<String, Long> lost, Map<String, Long> duplicated) {

        long lostRows() {
            return lost.values().stream().mapToLong(Long::longValue).sum();
        }

        long duplicatedRows() {
            return duplicated.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "lost " + lost + ", duplicated " + duplicated;
        }
    }
}
