package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The monthly partitions of usage_hour and charge_line: a row of a month with no partition yet is kept (in the
 * default partition) and moves into its month's partition when that is created; the maintenance is idempotent; only
 * closed months past the retention are archived.
 */
class PartitionsIT {

    static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-07T21:00:00Z"), ZoneOffset.UTC);

    JdbcTemplate jdbc;
    Partitions partitions;

    @BeforeEach
    void migrate() {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        partitions = new Partitions(dataSource, new PartitionsProperties(3, 13), DECEMBER_2026);
        TestTenants.register(jdbc, "acme");
    }

    @Test
    void rowsOfAMonthFarAheadAreKeptAndMoveIntoTheMonthsPartitionWhenItIsCreated() {
        // given rows of June 2031, a month no partition covers yet
        jdbc.update(usageHour("2031-06-15 10:00Z", "19056.64"));
        jdbc.update(chargeLine("2031-06-15", "0.94"));
        assertThat(partitionOf("usage_hour")).containsExactly("usage_hour_default");
        assertThat(partitionOf("charge_line")).containsExactly("charge_line_default");

        // when a metering run of that hour covers its months, twice
        partitions.cover(Instant.parse("2031-06-15T10:00:00Z"), Instant.parse("2031-06-15T11:00:00Z"));
        partitions.cover(Instant.parse("2031-06-15T10:00:00Z"), Instant.parse("2031-06-15T11:00:00Z"));

        // then
        assertThat(partitionOf("usage_hour")).containsExactly("usage_hour_203106");
        assertThat(partitionOf("charge_line")).containsExactly("charge_line_203106");
        assertThat(jdbc.queryForObject("select up_mb::text from usage_hour", String.class)).isEqualTo("19056.64");
        assertThat(jdbc.queryForObject("select amount::text from charge_line", String.class)).isEqualTo("0.94");
        jdbc.update(usageHour("2031-06-15 11:00Z", "1"));
        assertThat(partitionOf("usage_hour")).containsExactly("usage_hour_203106", "usage_hour_203106");
        assertThatThrownBy(() -> jdbc.update(usageHour("2031-06-15 11:00Z", "1"))).as("a duplicate hour")
                .hasMessageContaining("usage_hour_once");
        assertThatThrownBy(() -> jdbc.update(chargeLine("2031-06-15", "0.94"))).as("a duplicate line")
                .hasMessageContaining("charge_line_once");
    }

    @Test
    void createsTheComingMonthsOnceHoweverOftenItRuns() {
        partitions.ahead();
        List<String> before = partitions.monthPartitions();

        List<?> again = partitions.ahead();

        assertThat(again).isEmpty();
        assertThat(partitions.monthPartitions()).isEqualTo(before)
                .contains("usage_hour_202611", "usage_hour_202612", "usage_hour_202703", "charge_line_202703",
                        "usage_hour_default", "charge_line_default");
    }

    @Test
    void archivesOnlyClosedMonthsOlderThanTheRetention() {
        // given acme's rows of August to November 2025: August and September FINAL, October DRAFT, November FINAL
        partitions.cover(Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2025-11-30T00:00:00Z"));
        for (String day : List.of("2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10")) {
            jdbc.update(usageHour(day + " 10:00Z", "1"));
            jdbc.update(chargeLine(day, "0.94"));
        }
        invoice("2025-08-01", "FINAL");
        invoice("2025-09-01", "FINAL");
        invoice("2025-10-01", "DRAFT");
        invoice("2025-11-01", "FINAL");

        // when, with 13 months kept before December 2026 (November 2025 on), twice
        List<String> lines = partitions.retire();
        List<String> again = partitions.retire();

        // then August's partitions and September's charge lines are archived; September's hours wait for October
        assertThat(lines).contains("archived usage_hour 2025-08 as usage_hour_archive_202508",
                "archived charge_line 2025-08 as charge_line_archive_202508",
                "archived charge_line 2025-09 as charge_line_archive_202509",
                "kept usage_hour 2025-09: not closed for acme", "kept usage_hour 2025-10: not closed for acme",
                "kept charge_line 2025-10: not closed for acme");
        assertThat(lines).noneMatch(line -> line.contains("2025-11") || line.contains("2025-12"));
        assertThat(again).noneMatch(line -> line.startsWith("archived"));
        assertThat(partitions.monthPartitions()).doesNotContain("usage_hour_202508", "charge_line_202508",
                "charge_line_202509").contains("usage_hour_202509", "charge_line_202510", "usage_hour_202511");
        assertThat(jdbc.queryForObject("select count(*) from usage_hour_archive_202508", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select sum(amount)::text from charge_line_archive_202509", String.class))
                .isEqualTo("0.94");
        assertThat(jdbc.queryForObject("select count(*) from charge_line", Integer.class)).as("attached lines")
                .isEqualTo(2);
    }

    private List<String> partitionOf(String table) {
        return jdbc.queryForList("select tableoid::regclass::text from " + table + " order by 1", String.class);
    }

    private void invoice(String month, String status) {
        jdbc.update("""
                insert into invoice (tenant_id, billing_month, status, currency, subtotal, tax, total, lines,
                                     changed_at, closed_at)
                values ('acme', date '%s', '%s', 'CNY', 0.94, 0, 0.94, 1, now(), %s)
                """.formatted(month, status, "FINAL".equals(status) ? "now()" : "null"));
    }

    static String usageHour(String windowStart, String upMb) {
        return "insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,"
                + " active_seconds, up_mb, down_mb, inferred, run_id, metered_at) values ('acme', 1, timestamptz '"
                + windowStart + "', 'create_succ', true, 2, 20, 3600, " + upMb + ", 0, false, 1, now())";
    }

    static String chargeLine(String date, String amount) {
        return "insert into charge_line (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,"
                + " price_version, quantity, unit, unit_price, amount, currency, run_id) values ('acme', date '"
                + date + "', 1, 'compute', 0, 2, 20, 'v1', 24, 'hour', 0.039, " + amount + ", 'CNY', 1)";
    }
}
