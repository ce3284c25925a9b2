package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.Container;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * A tenant over two API accounts ({@code flowbill.accounts} entries {@code acme/eu} and {@code acme/us}, each its own
 * sandbox, token and limits) is billed once: one set of charge lines, one invoice, one export folder, equal to the
 * sum of the two accounts billed as tenants of their own; and the same {@code nightly} again changes nothing. The
 * cloud's container ids are unique across its accounts, so the two sandboxes' fleets are chosen with ids apart.
 */
@Slow
class TenantOverTwoAccountsIT {

    static final String DAY = ThreeTenants.DAY.toString();
    static final Duration PATIENCE = Patience.seconds(900);

    static Path folder;
    static SandboxServer eu;
    static SandboxServer us;

    @BeforeAll
    static void startTwoAccounts() throws IOException {
        folder = Files.createTempDirectory("flowbill-two-accounts");
        eu = sandbox(30, 21, "eu-token");
        for (long seed = 22; us == null; seed++) {
            SandboxServer candidate = sandbox(20, seed, "us-token");
            if (Collections.disjoint(ids(eu), ids(candidate))) {
                us = candidate;
            }
            else {
                candidate.close();
            }
        }
        Files.writeString(folder.resolve("eu.token"), "eu-token\n");
        Files.writeString(folder.resolve("us.token"), "us-token\n");
    }

    @AfterAll
    static void stopSandboxes() {
        eu.close();
        us.close();
    }

    @Test
    void aTenantOverTwoAccountsIsBilledOnceAsTheSumOfBothAndARerunChangesNothing() throws Exception {
        // given: the two accounts as one tenant, and as two tenants in another database
        TestDatabase.Database together = TestDatabase.fresh();
        TestDatabase.Database apart = TestDatabase.fresh();
        Path togetherOut = Files.createTempDirectory(folder, "together");
        Path apartOut = Files.createTempDirectory(folder, "apart");

        FlowbillJar.Outcome one = nightly(together, togetherOut, List.of(entry("acme", "eu", eu), entry("acme", "us", us)));
        FlowbillJar.Outcome two = nightly(apart, apartOut, List.of(entry("eu", null, eu), entry("us", null, us)));

        assertThat(one.exitCode()).as("nightly of acme over eu and us: %s", one.reason()).isZero();
        assertThat(two.exitCode()).as("nightly of eu and us as tenants: %s", two.reason()).isZero();
        List<String> acmeLines = chargeLines(together, "acme");
        List<String> sum = new ArrayList<>(chargeLines(apart, "eu"));
        sum.addAll(chargeLines(apart, "us"));
        Collections.sort(sum);
        assertThat(chargeLines(apart, "eu")).as("eu's lines").isNotEmpty();
        assertThat(chargeLines(apart, "us")).as("us's lines").isNotEmpty();
        assertThat(acmeLines).as("acme's charge lines of %s against eu's and us's", DAY).isEqualTo(sum);
        assertThat(containers(together, "acme")).as("acme's containers by account")
                .isEqualTo(Map.of("eu", (long) ids(eu).size(), "us", (long) ids(us).size()));
        assertThat(invoices(together, "acme")).as("acme's invoices").hasSize(1);
        assertThat(invoices(together, "acme").get(0)).as("acme's invoice subtotal against eu's and us's")
                .isEqualByComparingTo(invoices(apart, "eu").get(0).add(invoices(apart, "us").get(0)));
        assertThat(togetherOut.resolve("acme")).as("acme's export folder").isDirectory();
        assertThat(togetherOut.resolve("eu")).as("no export folder per account").doesNotExist();

        // when: the same night again
        BillSnapshot before = BillSnapshot.of(together, List.of("acme"), togetherOut);
        FlowbillJar.Outcome again = nightly(together, togetherOut, List.of(entry("acme", "eu", eu), entry("acme", "us", us)));

        assertThat(again.exitCode()).as("nightly again: %s", again.reason()).isZero();
        BillSnapshot.assertSameBill(before, BillSnapshot.of(together, List.of("acme"), togetherOut));
    }

    private static SandboxServer sandbox(int containers, long seed, String token) {
        return SandboxServer.start(SandboxConfig.defaults().withContainers(containers).withSeed(seed).withThreads(16)
                .withClock(SandboxClock.fixed(ThreeTenants.NOW)).withFleetAnchor(ThreeTenants.NOW)
                .withStaticToken(token));
    }

    private static Set<Long> ids(SandboxServer sandbox) {
        Set<Long> ids = new HashSet<>();
        for (Container container : sandbox.fleet().list()) {
            ids.add(container.id());
        }
        return ids;
    }

    /** {@code flowbill.accounts[i].*} of one account; {@code account} null: unnamed (the tenant's only one). */
    private static Map<String, String> entry(String tenant, String account, SandboxServer sandbox) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("tenant", tenant);
        if (account != null) {
            entry.put("account", account);
        }
        entry.put("base-url", sandbox.baseUrl().toString());
        entry.put("token-file", folder.resolve((sandbox == eu ? "eu" : "us") + ".token").toString());
        entry.put("max-concurrency", "8");
        return entry;
    }

    private static FlowbillJar.Outcome nightly(TestDatabase.Database db, Path exports, List<Map<String, String>> entries)
            throws IOException, InterruptedException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            entries.get(i).forEach((key, value) -> variables.put(
                    ThreeTenants.variable("flowbill.accounts[" + index + "]." + key), value));
        }
        variables.put("FLOWBILL_EXPORT_DIR", exports.toString());
        variables.put("FLOWBILL_METERING_PARTITIONS", "2");
        return FlowbillJar.command("nightly", "--date", DAY).database(db).env(variables).start().finish(PATIENCE);
    }

    /** The tenant's charge lines of the day, without the tenant and run: container, item, tier, ..., amount. */
    private static List<String> chargeLines(TestDatabase.Database db, String tenant) throws SQLException {
        return strings(db, """
                select concat_ws(' ', charge_date, container_id, item, tier, charge_type, spec_id, price_version,
                                 quantity, unit, unit_price, amount, currency)
                  from charge_line where tenant_id = ? order by 1
                """, tenant);
    }

    private static Map<String, Long> containers(TestDatabase.Database db, String tenant) throws SQLException {
        Map<String, Long> byAccount = new LinkedHashMap<>();
        for (String row : strings(db, "select a || ' ' || n from (select coalesce(account, tenant_id) as a, count(*) as n"
                + " from container where tenant_id = ? group by 1) t order by 1", tenant)) {
            // grouped by the account's name: "eu 30"
            String[] parts = row.split(" ");
            byAccount.put(parts[0], Long.parseLong(parts[1]));
        }
        return byAccount;
    }

    private static List<BigDecimal> invoices(TestDatabase.Database db, String tenant) throws SQLException {
        return strings(db, "select subtotal from invoice where tenant_id = ? order by billing_month", tenant).stream()
                .map(BigDecimal::new).toList();
    }

    private static List<String> strings(TestDatabase.Database db, String sql, String tenant) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
