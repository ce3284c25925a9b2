package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.metering.StatusPolicy;
import io.flowbill.system.TestTenants;

/**
 * The invoicing tests' small named fleet of tenant {@code acme}, written straight into {@code usage_hour} (as
 * metering would) for 2026-11-25 in Shanghai, priced by {@code pricing/fixture-book.yaml}. Every number in the
 * tests can be checked by hand:
 * <ul>
 * <li>101 {@code web-1}: on demand, spec 20 (0.200/h), public, 8 Mbps by bandwidth; the version changes at noon.</li>
 * <li>102 {@code =HYPERLINK("x")}: on demand, spec 10 (0.060/h), by traffic, 800 MB out each hour, except 05:00
 * whose flow was malformed (a traffic exception).</li>
 * <li>103 {@code db-package}: package, spec 10 (43.20/month, 100 GB), 512 MB out each hour: 12 GB in the day.</li>
 * <li>104 {@code odd-status}: on demand, spec 1, status {@code suspended}: not billed (it was unknown to the status
 * policy before its default, so the fixture keeps an {@code unknown_status} exception for it).</li>
 * <li>105 {@code -private}: on demand, spec 30 (0.280/h), private.</li>
 * </ul>
 */
public final class FixtureFleet {

    public static final String TENANT = "acme";
    public static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    public static final String PRICE_BOOK = "classpath:pricing/fixture-book.yaml";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String[] TABLES = { "credit_note_line", "credit_note", "invoice_line_staged", "invoice_line", "invoice", "closed_month_rerated",
        "month_charge_line", "month_usage", "package_month", "tenant_change", "invoice_refresh",
        "charge_line_staged", "charge_line", "package_day_staged", "package_day", "rated_day",
        "metering_exception", "usage_hour", "inventory_observation", "inventory_sweep", "container_version", "container" };

    private final JdbcTemplate jdbc;

    public FixtureFleet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties flowbill's tables (not Spring Batch's) and registers the tenant. */
    public FixtureFleet clear() {
        jdbc.execute("truncate " + String.join(", ", TABLES));
        TestTenants.register(jdbc, TENANT);
        return this;
    }

    /** Writes the five containers' usage of {@link #DAY}. */
    public FixtureFleet insertDay() {
        container(101, "web-1").onDemand(20).bandwidth(8).insert();
        container(102, "=HYPERLINK(\"x\")").onDemand(10).traffic("800").insert();
        trafficException(102, DAY, 5, "12.3XB");
        container(103, "db-package").packaged(10).traffic("512").insert();
        container(104, "odd-status").onDemand(1).status("suspended").insert();
        jdbc.update("""
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                values (?, 104, ?, 'unknown_status', 'suspended', 'status ''suspended'' is not known: not billed', 1)
                """, TENANT, Timestamp.from(local(DAY, 0)));
        container(105, "-private").onDemand(30).insert();
        return this;
    }

    /**
     * Records every hour of {@code day} as metered for {@code tenant}, as a completed metering run leaves it:
     * {@code rate} bills only a day whose metering completed.
     */
    public static void meteringCompleted(JdbcTemplate jdbc, String tenant, LocalDate day) {
        jdbc.update("""
                insert into metered_window (tenant_id, window_start, run_id, containers, completed_at)
                select ?, ?::timestamptz + h * interval '1 hour', 1, 0, now() from generate_series(0, 23) h
                on conflict do nothing
                """, tenant, Timestamp.from(local(day, 0)));
    }

    public Container container(long id, String name) {
        return new Container(id, name);
    }

    /** Marks an hour's traffic as unreadable, as metering does: no MB, a malformed_flow exception. */
    public void trafficException(long containerId, LocalDate day, int hour, String raw) {
        Timestamp start = Timestamp.from(local(day, hour));
        jdbc.update("update usage_hour set up_mb = null, down_mb = null, raw_up = ? where container_id = ?"
                + " and window_start = ?", raw, containerId, start);
        jdbc.update("""
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                values (?, ?, ?, 'malformed_flow', ?, 'flow value is not a quantity: traffic not counted', 1)
                """, TENANT, containerId, start, raw);
    }

    public static Instant local(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    /** One container's usage rows, hour by hour in the zone. */
    public final class Container {

        private final long id;
        private final String name;
        private final Map<String, Object> row = new HashMap<>();
        private LocalDate day = DAY;
        private int fromHour = 0;
        private int toHour = 24;
        private Boolean storedBillable;

        Container(long id, String name) {
            this.id = id;
            this.name = name;
            row.put("status", "create_succ");
        }

        public Container onDemand(int specId) {
            row.put("charge_type", 2);
            row.put("spec_id", specId);
            return this;
        }

        public Container packaged(int specId) {
            row.put("charge_type", 1);
            row.put("spec_id", specId);
            return this;
        }

        public Container bandwidth(int mbps) {
            row.put("use_public_network", 1);
            row.put("network_charge_type", 1);
            row.put("bandwidth", mbps);
            return this;
        }

        public Container traffic(String upMbPerHour) {
            row.put("use_public_network", 1);
            row.put("network_charge_type", 2);
            row.put("up_mb", new BigDecimal(upMbPerHour));
            return this;
        }

        public Container status(String status) {
            row.put("status", status);
            return this;
        }

        /** Stores this {@code billable} flag instead of what the status policy says today. */
        public Container storedBillable(boolean billable) {
            storedBillable = billable;
            return this;
        }

        public Container hours(LocalDate on, int from, int to) {
            day = on;
            fromHour = from;
            toHour = to;
            return this;
        }

        public void insert() {
            Instant created = local(day, fromHour);
            jdbc.update("""
                    insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, TENANT, id, name, Timestamp.from(created), Timestamp.from(created), Timestamp.from(created));
            String status = (String) row.get("status");
            boolean billable = storedBillable != null ? storedBillable : StatusPolicy.BUILT_IN.isBillable(status);
            for (int hour = fromHour; hour < toHour; hour++) {
                jdbc.update("""
                        insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type,
                          spec_id, use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb,
                          inferred, run_id, metered_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3600, ?, ?, false, 1, now())
                        """, TENANT, id, Timestamp.from(local(day, hour)), status, billable, row.get("charge_type"),
                        row.get("spec_id"), row.getOrDefault("use_public_network", 0),
                        row.get("network_charge_type"), row.getOrDefault("bandwidth", 0),
                        row.getOrDefault("up_mb", BigDecimal.ZERO), BigDecimal.ZERO);
            }
        }
    }
}
