package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * The real jar with {@code flowbill.accounts} of three accounts, each on its own sandbox with its own token: one
 * account whose token file holds a wrong token fails alone (exit 1, named in the last line with the API's 401), the
 * others are metered; once its token file is right, the same command meters it and leaves the others as they were.
 */
@Slow
class ManyAccountsIT {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final Instant HOUR = Instant.parse("2026-11-20T10:00:00Z");
    static final SandboxServer alpha = sandbox(40, 1, "alpha-token");
    static final SandboxServer beta = sandbox(25, 2, "beta-token");
    static final SandboxServer gamma = sandbox(15, 3, "gamma-token");

    @AfterAll
    static void stopSandboxes() {
        alpha.close();
        beta.close();
        gamma.close();
    }

    @Test
    void aRefusedTokenFailsItsOwnTenantOnlyAndTheSameCommandCompletesItOnceFixed(@TempDir Path dir) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        Path config = accounts(dir, "wrong-token");

        FlowbillJar.Outcome first = meter(db, config, dir, HOUR).run();

        assertThat(first.exitCode()).as("exit with one tenant failed\n%s%s", first.out(), first.err()).isEqualTo(1);
        assertThat(lastLine(first.out())).as("last line of\n%s", first.out())
                .startsWith("failed tenants: gamma (").contains("401").contains("check flowbill.accounts[2].token-file")
                .doesNotContain("alpha").doesNotContain("beta");
        assertThat(first.output()).doesNotContain("wrong-token").doesNotContain("alpha-token");
        assertThat(usageRows(db, "alpha", HOUR)).as("alpha's usage rows").isEqualTo(fleet(alpha, HOUR)).isPositive();
        assertThat(usageRows(db, "beta", HOUR)).as("beta's usage rows").isEqualTo(fleet(beta, HOUR)).isPositive();
        assertThat(usageRows(db, "gamma", HOUR)).as("gamma's usage rows after its token was refused").isZero();

        Files.writeString(dir.resolve("gamma.token"), "gamma-token\n");
        FlowbillJar.Outcome second = meter(db, config, dir, HOUR).run();

        assertThat(second.exitCode()).as("exit of the rerun\n%s%s", second.out(), second.err()).isZero();
        assertThat(second.out()).doesNotContain("failed tenants");
        assertThat(usageRows(db, "gamma", HOUR)).as("gamma's usage rows after the rerun").isEqualTo(fleet(gamma, HOUR))
                .isPositive();
        assertThat(usageRows(db, "alpha", HOUR)).as("alpha's usage rows after the rerun").isEqualTo(fleet(alpha, HOUR));
        assertThat(usageRows(db, "beta", HOUR)).as("beta's usage rows after the rerun").isEqualTo(fleet(beta, HOUR));
        assertThat(meteringRuns(db)).as("metering job executions: alpha and beta once, gamma twice").isEqualTo(4);
    }

    @Test
    void tenantOptionMetersThatAccountOnlyAndAnUnknownOneIsAUsageError(@TempDir Path dir) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        Path config = accounts(dir, "gamma-token");

        FlowbillJar.Outcome one = meter(db, config, dir, HOUR, "--tenant", "beta").run();
        FlowbillJar.Outcome unknown = meter(db, config, dir, HOUR, "--tenant", "delta").run();

        assertThat(one.exitCode()).as("exit of --tenant beta\n%s%s", one.out(), one.err()).isZero();
        assertThat(usageRows(db, "beta", HOUR)).isEqualTo(fleet(beta, HOUR)).isPositive();
        assertThat(usageRows(db, "alpha", HOUR) + usageRows(db, "gamma", HOUR)).as("rows of the others").isZero();
        assertThat(unknown.exitCode()).as("exit of --tenant delta\n%s%s", unknown.out(), unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).contains("'delta'").contains("alpha, beta, gamma");
    }

    private static SandboxServer sandbox(int containers, long seed, String token) {
        return SandboxServer.start(SandboxConfig.defaults().withContainers(containers).withSeed(seed)
                .withStaticToken(token).withClock(SandboxClock.fixed(NOW)));
    }

    /** Three accounts in a YAML file, secrets in files beside it; gamma's token file holds {@code gammaToken}. */
    private static Path accounts(Path dir, String gammaToken) throws IOException {
        Files.writeString(dir.resolve("alpha.token"), "alpha-token\n");
        Files.writeString(dir.resolve("beta.token"), "beta-token\n");
        Files.writeString(dir.resolve("gamma.token"), gammaToken + "\n");
        StringBuilder yaml = new StringBuilder("flowbill:\n  accounts-in-parallel: 3\n  accounts:\n");
        for (var account : List.of(List.of("alpha", alpha.baseUrl().toString()), List.of("beta", beta.baseUrl().toString()),
                List.of("gamma", gamma.baseUrl().toString()))) {
            yaml.append("    - tenant: ").append(account.get(0)).append('\n')
                    .append("      base-url: ").append(account.get(1)).append('\n')
                    .append("      token-file: ").append(dir.resolve(account.get(0) + ".token")).append('\n');
        }
        Path file = dir.resolve("accounts.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static FlowbillJar meter(TestDatabase.Database db, Path config, Path dir, Instant hour, String... more)
            throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("meter", "--from", hour.toString(), "--to",
                hour.plus(Duration.ofHours(1)).toString(), "--spring.config.additional-location=file:" + config));
        args.addAll(List.of(more));
        return FlowbillJar.command(args).in(dir).database(db)
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory(dir, "out").toString())
                .env("FLOWBILL_METERING_PARTITIONS", "3");
    }

    /** The sandbox's containers created before the hour's end: each has one usage row for the hour. */
    private static long fleet(SandboxServer sandbox, Instant hour) {
        return sandbox.fleet().list().stream().filter(c -> c.createdAt().isBefore(hour.plus(Duration.ofHours(1))))
                .count();
    }

    private static long usageRows(TestDatabase.Database db, String tenant, Instant hour) throws SQLException {
        return count(db, "select count(*) from usage_hour where tenant_id = ? and window_start = ?", tenant,
                java.sql.Timestamp.from(hour));
    }

    private static long meteringRuns(TestDatabase.Database db) throws SQLException {
        return count(db, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id)"
                + " where i.job_name = 'meteringJob'");
    }

    private static long count(TestDatabase.Database db, String sql, Object... args) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
