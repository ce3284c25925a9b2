package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestSeller;

/**
 * Settings of the exports that refuse a run before anything is metered, rated or exported, exit 2 with one line
 * naming the settings: a real (non-demo) run that writes invoice documents without {@code flowbill.invoice.seller.*},
 * and a {@code flowbill.export.signing-key-file} that holds no signing key.
 */
class ExportSettingsIT {

    private static TestDatabase.Database database;

    @TempDir
    Path workDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nightly --date 2026-11-25", "rate --date 2026-11-25", "close --month 2026-11",
            "export --month 2026-11" })
    void aRealRunThatWritesInvoicesRefusesToStartWithoutASeller(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(realRun());

        int exit = FlowbillCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as("exit of %s; stderr: %s", command, err).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("flowbill " + args.get(0) + " failed: configuration: invoice documents"
                + " need the seller: set flowbill.invoice.seller.name, .address, .tax-id and .email"
                + " (FLOWBILL_INVOICE_SELLER_NAME, _ADDRESS, _TAXID, _EMAIL); only the demo prints its sample seller"
                + System.lineSeparator());
        assertThat(Files.exists(workDir.resolve("out"))).as("export folder after %s", command).isFalse();
    }

    @Test
    void aSigningKeyFileThatHoldsNoKeyRefusesToStartNamingTheSetting() throws Exception {
        Path key = Files.writeString(workDir.resolve("signing.key"), "too-short-secret\n");
        List<String> args = new ArrayList<>(List.of("rate", "--date", "2026-11-25",
                "--flowbill.export.signing-key-file=" + key));
        args.addAll(realRun());
        args.addAll(TestSeller.ARGS);

        int exit = FlowbillCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as("exit; stderr: %s", err).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("flowbill rate failed: configuration: flowbill.export.signing-key-file: "
                + key + " is neither a PEM Ed25519 key nor an HMAC-SHA256 key of at least 32 bytes (it has 17); make"
                + " one with 'openssl genpkey -algorithm ed25519' or 'openssl rand -base64 32'"
                + System.lineSeparator());
        assertThat(out + err.toString()).doesNotContain("too-short-secret");
    }

    private List<String> realRun() {
        return List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--flowbill.api.base-url=http://127.0.0.1:1",
                "--flowbill.api.token=unused", "--flowbill.export.dir=" + workDir.resolve("out"));
    }
}
