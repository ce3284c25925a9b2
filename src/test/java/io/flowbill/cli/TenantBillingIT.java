package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.flowbill.billing.BillingService;
import io.flowbill.invoicing.FixedClockConfiguration;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.system.IntegrationTest;
import io.flowbill.system.TestTenants;

/**
 * Two accounts, {@code alpha} and {@code beta}, on the fixture book with different plans, their usage written
 * straight into {@code usage_hour} for 2026-11-24 (Shanghai, book version {@code fixture-2026-01} all day). Each has
 * container 1: on demand, spec 30, private, 24 hours. The book prices spec 30 at 0.280/h; by hand:
 * <ul>
 * <li>alpha ({@code pricing/alpha-plan.yaml}: 0.200/h, 10 % off the bill): 24 h x 0.200 = 4.80, version
 * {@code fixture-2026-01+alpha-1}; bill discount 4.80 x -0.10 = -0.48; invoice 4.80 - 0.48 = 4.32.</li>
 * <li>beta ({@code pricing/beta-plan.yaml}: 0.250/h): 24 h x 0.250 = 6.00, version {@code fixture-2026-01+beta-1};
 * no discount; invoice 6.00. Beta also has container 2, a package of spec 10, so it has package days.</li>
 * </ul>
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.accounts-in-parallel=2" })
@Import(FixedClockConfiguration.class)
class TenantBillingIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] TABLES = { "credit_note_line", "credit_note", "invoice_line_staged", "invoice_line", "invoice", "closed_month_rerated",
        "month_charge_line", "month_usage", "package_month", "tenant_change", "invoice_refresh",
        "charge_line_staged", "charge_line", "package_day_staged", "package_day", "rated_day",
        "charge_day", "usage_day", "unrateable_day_staged", "usage_change", "metering_exception", "usage_hour",
        "inventory_observation", "inventory_sweep", "container_version",
        "container", "metered_window" };

    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        exportDir = Files.createTempDirectory("flowbill-tenant-billing-it");
        Path token = Files.writeString(exportDir.resolveSibling(exportDir.getFileName() + ".token"), "t0ken");
        registry.add("flowbill.export.dir", exportDir::toString);
        // a list binds from one property source: every key of the accounts here
        List<String> tenants = List.of("alpha", "beta");
        for (int i = 0; i < tenants.size(); i++) {
            String tenant = tenants.get(i);
            registry.add("flowbill.accounts[" + i + "].tenant", () -> tenant);
            registry.add("flowbill.accounts[" + i + "].plan", () -> "classpath:pricing/" + tenant + "-plan.yaml");
            registry.add("flowbill.accounts[" + i + "].base-url", () -> "http://127.0.0.1:9");
            registry.add("flowbill.accounts[" + i + "].token-file", token::toString);
        }
    }

    @Autowired
    BillingService billing;

    @Autowired
    RateCommand rate;

    @Autowired
    ExportCommand export;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void usageOfBothTenants() throws IOException {
        jdbc.execute("truncate " + String.join(", ", TABLES));
        onDemandSpec30("alpha", 1, 0, 24);
        onDemandSpec30("beta", 1, 0, 24);
        usage("beta", 2, 1, 10, 0, 24);
        FixtureFleet.meteringCompleted(jdbc, "alpha", DAY);
        FixtureFleet.meteringCompleted(jdbc, "beta", DAY);
        FileSystemUtils.deleteRecursively(exportDir.resolve("alpha"));
        FileSystemUtils.deleteRecursively(exportDir.resolve("beta"));
    }

    @Test
    void ratesEachTenantWithItsOwnPlanPricesAndVersionNames() throws Exception {
        billing.bill("alpha", DAY);
        billing.bill("beta", DAY);

        assertThat(compute("alpha")).as("alpha's compute line of %s", DAY)
                .containsExactly("fixture-2026-01+alpha-1|24|0.2|4.8");
        assertThat(compute("beta")).as("beta's compute line of %s", DAY)
                .containsExactly("fixture-2026-01+beta-1|24|0.25|6");
        assertThat(jdbc.queryForList("select item || '|' || unit || '|' || price_version || '|' || trim_scale(quantity) || '|'"
                + " || trim_scale(unit_price) || '|' || amount from month_charge_line where tenant_id = 'alpha'", String.class))
                .as("alpha's month lines").containsExactly("discount|bill|alpha-1|4.8|-0.1|-0.48");
        assertThat(jdbc.queryForList("select item from month_charge_line where tenant_id = 'beta'", String.class))
                .as("beta's month lines (no discount in its plan)").isEmpty();
        assertThat(total("alpha")).as("alpha's November invoice").isEqualByComparingTo("4.32");
        assertThat(total("beta").subtract(packageCharges("beta"))).as("beta's November invoice less its package")
                .isEqualByComparingTo("6.00");
    }

    @Test
    void ratingOneTenantAgainLeavesTheOtherTenantsRowsUntouched() throws Exception {
        billing.bill("alpha", DAY);
        billing.bill("beta", DAY);
        Map<String, List<String>> betaBefore = rowsOf("beta");
        assertThat(betaBefore.get("package_day")).as("beta's package days").isNotEmpty();

        jdbc.update("delete from usage_hour where tenant_id = 'alpha' and window_start >= ?",
                Timestamp.from(DAY.atTime(12, 0).atZone(ZONE).toInstant()));
        billing.bill("alpha", DAY);

        assertThat(compute("alpha")).as("alpha's compute line after half its day went")
                .containsExactly("fixture-2026-01+alpha-1|12|0.2|2.4");
        assertThat(total("alpha")).as("alpha's invoice: 2.40 - 0.24").isEqualByComparingTo("2.16");
        assertThat(rowsOf("beta")).as("beta's rows after alpha was rated again").isEqualTo(betaBefore);
    }

    @Test
    void aTenantThatFailsDoesNotStopTheOthersAndARerunCompletesIt() throws Exception {
        // given: beta's export folder cannot be made (a file stands where it goes)
        Files.writeString(exportDir.resolve("beta"), "not a folder");
        StringWriter output = new StringWriter();

        int exit = rate.run(null, DAY, new PrintWriter(output, true));

        List<String> lines = output.toString().lines().toList();
        assertThat(exit).as("exit code of rate over both accounts, output:%n%s", output).isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(lines.get(lines.size() - 1)).as("last line").startsWith("failed tenants: beta (");
        assertThat(output.toString()).as("alpha's summary").contains("invoice           alpha 2026-11 DRAFT 4.32 CNY");
        assertThat(exportDir.resolve("alpha/2026-11/charges-" + DAY + ".csv")).as("alpha's charges").isRegularFile();

        StringWriter exported = new StringWriter();
        int exportExit = export.day(null, DAY, new PrintWriter(exported, true));
        assertThat(exportExit).as("exit code of export over both accounts:%n%s", exported).isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(exported.toString()).contains("export " + DAY + " tenant alpha").contains("failed tenants: beta (");

        Files.delete(exportDir.resolve("beta"));
        StringWriter rerun = new StringWriter();
        assertThat(rate.run(null, DAY, new PrintWriter(rerun, true))).as("exit code of the rerun:%n%s", rerun).isZero();
        assertThat(exportDir.resolve("beta/2026-11/charges-" + DAY + ".csv")).as("beta's charges after the rerun")
                .isRegularFile();
    }

    @Test
    void refusesAnUnknownTenantNamingTheConfiguredOnes() {
        assertThatThrownBy(() -> rate.run("gamma", DAY, new PrintWriter(new StringWriter())))
                .isInstanceOf(UsageException.class).hasMessageContaining("'gamma'").hasMessageContaining("alpha, beta");
    }

    private List<String> compute(String tenant) {
        return jdbc.queryForList("select price_version || '|' || trim_scale(quantity) || '|' || trim_scale(unit_price)"
                + " || '|' || trim_scale(amount) from charge_line where tenant_id = ? and container_id = 1"
                + " and item = 'compute' and charge_date = ?", String.class, tenant, DAY);
    }

    private BigDecimal total(String tenant) {
        return jdbc.queryForObject("select total from invoice where tenant_id = ? and billing_month = date '2026-11-01'",
                BigDecimal.class, tenant);
    }

    private BigDecimal packageCharges(String tenant) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from charge_line where tenant_id = ? and container_id = 2",
                BigDecimal.class, tenant);
    }

    /** Every row of the tenant in the tables rating, invoicing and the rollup write, as text. */
    private Map<String, List<String>> rowsOf(String tenant) {
        Map<String, String> queries = Map.of(
                "charge_line", "select t::text from charge_line t where tenant_id = ? order by 1",
                "package_day", "select t::text from package_day t where tenant_id = ? order by 1",
                "rated_day", "select t::text from rated_day t where tenant_id = ? order by 1",
                "month_charge_line", "select t::text from month_charge_line t where tenant_id = ? order by 1",
                "invoice", "select t::text from invoice t where tenant_id = ? order by 1",
                "charge_day", "select t::text from charge_day t where tenant_id = ? order by 1",
                "usage_day", "select t::text from usage_day t where tenant_id = ? order by 1");
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        queries.forEach((table, sql) -> rows.put(table, jdbc.queryForList(sql, String.class, tenant)));
        return rows;
    }

    private void onDemandSpec30(String tenant, long container, int from, int to) {
        usage(tenant, container, 2, 30, from, to);
    }

    private void usage(String tenant, long container, int chargeType, int spec, int from, int to) {
        TestTenants.register(jdbc, tenant);
        Timestamp created = Timestamp.from(DAY.atStartOfDay(ZONE).toInstant());
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """, tenant, container, tenant + "-" + container, created, created, created);
        for (int hour = from; hour < to; hour++) {
            jdbc.update("""
                    insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type,
                      spec_id, use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb,
                      inferred, run_id, metered_at)
                    values (?, ?, ?, 'create_succ', true, ?, ?, 0, null, 0, 3600, 0, 0, false, 1, now())
                    """, tenant, container, Timestamp.from(DAY.atTime(hour, 0).atZone(ZONE).toInstant()), chargeType,
                    spec);
        }
    }
}
