package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Migrations;
import io.flowbill.system.TestDatabase;

/**
 * The day the cluster tests bill: the fixture fleet's day with {@value #MORE_CONTAINERS} more containers (four
 * partitions of about 200), the jar's settings for it, and the bill to compare (charge lines, package days,
 * invoice and its lines, row by row without ids, run ids or times).
 */
final class ClusterFixture {

    static final String DAY = FixtureFleet.DAY.toString();
    /** Containers beside the fixture's five: four partitions of about 200, rated one container per transaction. */
    static final int MORE_CONTAINERS = 800;

    private ClusterFixture() {
    }

    static FlowbillJar flowbill(SandboxServer api, TestDatabase.Database db, String... args) throws IOException {
        return FlowbillJar.command(args).database(db).api(api.baseUrl(), api.token())
                .env("FLOWBILL_PRICING_PRICE_BOOK", Path.of("src/test/resources/pricing/fixture-book.yaml")
                        .toAbsolutePath().toString())
                .env("FLOWBILL_INVOICING_PARTITIONS", "4")
                .env("FLOWBILL_METERING_TENANT", FixtureFleet.TENANT)
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-cluster").toString());
    }

    /** A fresh database with the fixture fleet's day and {@value #MORE_CONTAINERS} more containers on demand. */
    static TestDatabase.Database fixture() {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        JdbcTemplate jdbc = jdbc(db);
        new FixtureFleet(jdbc).clear().insertDay();
        FixtureFleet.meteringCompleted(jdbc, FixtureFleet.TENANT, FixtureFleet.DAY);
        java.sql.Timestamp start = java.sql.Timestamp.from(FixtureFleet.local(FixtureFleet.DAY, 0));
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select ?, 1000 + i, 'bulk-' || i, ?, ?, ? from generate_series(1, ?) i
                """, FixtureFleet.TENANT, start, start, start, MORE_CONTAINERS);
        jdbc.update("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                  use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, inferred, run_id,
                  metered_at)
                select ?, 1000 + i, ?::timestamptz + h * interval '1 hour', 'create_succ', true, 2, 10 + (i % 3) * 10,
                  1, 2, 0, 3600, (i % 7) * 100 + h, 0, false, 1, now()
                  from generate_series(1, ?) i, generate_series(0, 23) h
                """, FixtureFleet.TENANT, start, MORE_CONTAINERS);
        return db;
    }

    /** The day's charge lines, package days and invoice with its lines, row by row (no ids, run ids or times). */
    static Map<String, List<String>> bill(TestDatabase.Database db) {
        JdbcTemplate jdbc = jdbc(db);
        Map<String, List<String>> bill = new LinkedHashMap<>();
        bill.put("charge_line", jdbc.queryForList("""
                select concat_ws('|', tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
                  price_version, quantity, unit, unit_price, amount, currency) as row from charge_line order by row
                """, String.class));
        bill.put("package_day", jdbc.queryForList("""
                select concat_ws('|', tenant_id, charge_date, container_id, spec_id, price_version, package_seconds,
                  outbound_mb) as row from package_day order by row
                """, String.class));
        bill.put("invoice", jdbc.queryForList("""
                select concat_ws('|', tenant_id, billing_month, status, currency, total, lines) as row from invoice
                 order by row
                """, String.class));
        bill.put("invoice_line", jdbc.queryForList("""
                select concat_ws('|', i.tenant_id, i.billing_month, l.container_id, l.item, l.tier, l.unit_price,
                  l.corrects_month, l.quantity, l.unit, l.amount, l.currency) as row
                  from invoice_line l join invoice i on i.id = l.invoice_id order by row
                """, String.class));
        assertThat(bill.get("charge_line")).as("charge lines of %s", DAY).hasSizeGreaterThan(MORE_CONTAINERS);
        return bill;
    }

    /** The statuses of the partitions of the latest ratingJob execution. */
    static List<String> partitionStatuses(TestDatabase.Database db) {
        return jdbc(db).queryForList("""
                select s.status from batch_step_execution s
                 where s.step_name like 'ratingPartitionStep:%' and s.job_execution_id = (select max(e.job_execution_id)
                   from batch_job_execution e join batch_job_instance i using (job_instance_id)
                  where i.job_name = 'ratingJob')
                """, String.class);
    }

    static JdbcTemplate jdbc(TestDatabase.Database db) {
        return new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    }
}
