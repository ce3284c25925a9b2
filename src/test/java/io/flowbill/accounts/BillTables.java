package io.flowbill.accounts;

import java.util.List;
import java.util.Map;

/**
 * The tables {@link BillSnapshot} reads, each with the columns of its unique key (the rows' sort order and
 * identity) and the columns it leaves out, each with the reason it may differ between two runs that bill the same
 * usage at the same prices. Every other column, including any a later migration adds, is compared: a new column
 * that names a run must be added here with its reason, or the comparison fails on it.
 *
 * <p>Run-specific, and why:
 * <ul>
 * <li>{@code run_id}: the Spring Batch job execution that wrote the row; one process and a manager with workers
 *     number their executions differently, and a killed partition adds executions.</li>
 * <li>{@code metered_at}, {@code completed_at}, {@code changed_at}, {@code created_at}, {@code revised_at},
 *     {@code first_rerated_at}, {@code billed_at}: the wall-clock time the row was written.</li>
 * <li>{@code first_seen_at}, {@code last_seen_at}, {@code first_observed_at}, {@code last_observed_at}: the
 *     wall-clock time of the inventory scans that saw the container (the sandbox's own clock stands still; the scans
 *     run when the process does).</li>
 * <li>{@code id} (metering_exception, usage_revision, invoice, invoice_line) and {@code invoice_id}: sequence
 *     numbers, in the order concurrent partitions and tenants happened to insert; invoice lines are keyed by their
 *     invoice's tenant and month instead.</li>
 * <li>{@code closed_at}: when {@code close} ran; {@code status} says whether it did (FINAL iff closed_at is set).</li>
 * <li>{@code recorded_by}: the PostgreSQL transaction id that recorded a usage change.</li>
 * </ul>
 */
final class BillTables {

    /** One table: the select of its rows for some tenants ({@code ?} = the tenant ids), its key, what is left out. */
    record Spec(String name, String from, List<String> extraColumns, List<String> key, Map<String, String> excluded) {

        /** A table with a {@code tenant_id} column. */
        static Spec tenantTable(String name, List<String> key, String... excluded) {
            return new Spec(name, name + " t where t.tenant_id = any(?)", List.of(), key, reasons(excluded));
        }

        /** Invoice lines: their invoice's tenant and month stand for {@code invoice_id}; {@code id} is left out. */
        static Spec invoiceLines(String name, List<String> key, String... excluded) {
            List<String> columns = new java.util.ArrayList<>(List.of("invoice_id"));
            columns.addAll(List.of(excluded));
            return new Spec(name, name + " t join invoice i on i.id = t.invoice_id where i.tenant_id = any(?)",
                    List.of("i.tenant_id", "i.billing_month"), key, reasons(columns.toArray(String[]::new)));
        }

        private static Map<String, String> reasons(String... columns) {
            java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
            for (String column : columns) {
                reasons.put(column, "run-specific (see BillTables)");
            }
            return Map.copyOf(reasons);
        }
    }

    /** A key of every column read: a table without a unique key (its rows compared as a multiset). */
    static final List<String> WHOLE_ROW = List.of();

    static final List<Spec> TABLES = List.of(
            Spec.tenantTable("container", List.of("tenant_id", "container_id"), "first_seen_at", "last_seen_at"),
            Spec.tenantTable("container_version", List.of("tenant_id", "container_id", "valid_from"),
                    "first_observed_at", "last_observed_at"),
            Spec.tenantTable("usage_hour", List.of("tenant_id", "container_id", "window_start"), "run_id",
                    "metered_at"),
            Spec.tenantTable("metered_window", List.of("tenant_id", "window_start"), "run_id", "completed_at"),
            Spec.tenantTable("usage_change", List.of("tenant_id", "window_start"), "recorded_by"),
            Spec.tenantTable("usage_revision", WHOLE_ROW, "id", "run_id", "revised_at"),
            Spec.tenantTable("metering_exception", List.of("tenant_id", "container_id", "window_start", "kind"), "id",
                    "run_id", "created_at"),
            Spec.tenantTable("charge_line", List.of("tenant_id", "charge_date", "container_id", "item", "tier",
                    "charge_type", "spec_id", "price_version"), "run_id"),
            Spec.tenantTable("charge_line_staged", WHOLE_ROW),
            Spec.tenantTable("package_day", List.of("tenant_id", "charge_date", "container_id", "spec_id",
                    "price_version"), "run_id"),
            Spec.tenantTable("package_day_staged", WHOLE_ROW),
            Spec.tenantTable("unrateable_day_staged", WHOLE_ROW),
            Spec.tenantTable("charge_day", List.of("tenant_id", "charge_date", "item", "charge_type", "spec_id",
                    "currency")),
            Spec.tenantTable("usage_day", List.of("tenant_id", "charge_date", "charge_type", "spec_id")),
            Spec.tenantTable("month_charge_line", List.of("tenant_id", "billing_month", "container_id", "item",
                    "spec_id", "price_version", "unit"), "changed_at"),
            Spec.tenantTable("invoice", List.of("tenant_id", "billing_month"), "id", "changed_at", "closed_at"),
            Spec.invoiceLines("invoice_line", List.of("tenant_id", "billing_month", "container_id", "item", "tier",
                    "unit_price", "unit", "corrects_month", "charge_type", "spec_id", "price_version"), "id"),
            Spec.invoiceLines("invoice_line_staged", WHOLE_ROW),
            Spec.tenantTable("closed_month_rerated", List.of("tenant_id", "billing_month"), "first_rerated_at"),
            // per day for all tenants until rating keeps them per tenant: compared when they have tenant_id
            Spec.tenantTable("rated_day", List.of("tenant_id", "charge_date"), "run_id", "changed_at"),
            Spec.tenantTable("billed_day", List.of("tenant_id", "charge_date"), "billed_at"));

    private BillTables() {
    }
}
