package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * {@code nightly} over several accounts of which two fail (issue 26): each failed tenant has one line on stderr,
 * {@code flowbill nightly failed: tenant <t>: <reason>}, naming the account's URL and its
 * {@code flowbill.accounts[i].*} settings, bounded and without stack frames; the last line of stdout lists them.
 */
@Slow
class FailureLinesIT {

    static final String DAY = "2026-11-20";
    static final SandboxServer beta = SandboxServer.start(SandboxConfig.defaults().withContainers(3)
            .withStaticToken("beta-token"));

    @AfterAll
    static void stopSandbox() {
        beta.close();
    }

    @Test
    void eachFailedTenantHasOneBoundedLineOnStderrNamingItsUrlAndSettings(@TempDir Path dir) throws Exception {
        String nowhere = "http://127.0.0.1:" + closedPort();
        Files.writeString(dir.resolve("beta.token"), "wrong-token\n");
        Files.writeString(dir.resolve("gamma.token"), "gamma-token\n");
        Path config = dir.resolve("accounts.yml");
        Files.writeString(config, """
                flowbill:
                  accounts-in-parallel: 2
                  accounts:
                    - tenant: beta
                      base-url: %s
                      token-file: %s
                    - tenant: gamma
                      base-url: %s
                      token-file: %s
                """.formatted(beta.baseUrl(), dir.resolve("beta.token"), nowhere, dir.resolve("gamma.token")));

        FlowbillJar.Outcome nightly = FlowbillJar.command("nightly", "--date", DAY,
                "--spring.config.additional-location=file:" + config).in(dir).database(TestDatabase.fresh())
                .env("FLOWBILL_PRICING_PRICE_BOOK", Path.of("src/test/resources/pricing/fixture-book.yaml")
                        .toAbsolutePath().toString())
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory(dir, "out").toString()).start()
                .finish(Patience.seconds(300));

        assertThat(nightly.exitCode()).as("exit of nightly\n%s", nightly.output()).isEqualTo(1);
        List<String> lines = nightly.flowbillLines();
        assertThat(lines).as("flowbill's lines on stderr\n%s", nightly.output()).containsExactlyInAnyOrder(
                "flowbill nightly failed: tenant beta: container API: " + beta.baseUrl() + " refused the credentials"
                        + " (HTTP 401, 'Unauthorized user: missing, unknown or expired token'); check flowbill.accounts[0].token-file, or"
                        + " flowbill.accounts[0].app-key-file with flowbill.accounts[0].app-secret-file",
                "flowbill nightly failed: tenant gamma: container API: cannot reach " + nowhere + " (connection"
                        + " refused) during meteringJob/inventoryStep; check flowbill.accounts[1].base-url and that"
                        + " the API is up, then run the same command again to resume");
        List<String> out = nightly.out().lines().filter(line -> !line.isBlank()).toList();
        assertThat(out.get(out.size() - 1)).as("last line of stdout").startsWith("failed tenants: beta (")
                .contains("; gamma (").hasSizeLessThan(1_000).doesNotContain("\tat ", " at io.", " at org.");
        assertThat(nightly.output()).as("output").doesNotContain("wrong-token");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
