package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.system.TestDatabase;

/**
 * A real (non-demo) run that writes invoice documents refuses to start without {@code flowbill.invoice.seller.*}:
 * exit 2 and one line naming the settings, before any day is metered, rated or exported.
 */
class InvoiceSellerIT {

    private static TestDatabase.Database database;

    @TempDir
    Path workDir;

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
    }

    @ParameterizedTest
    @ValueSource(strings = { "nightly --date 2026-11-25", "rate --date 2026-11-25", "close --month 2026-11",
            "export --month 2026-11" })
    void aRealRunThatWritesInvoicesRefusesToStartWithoutASeller(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--flowbill.api.base-url=http://127.0.0.1:1", "--flowbill.api.token=unused",
                "--flowbill.export.dir=" + workDir.resolve("out")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = FlowbillCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as("exit of %s; stderr: %s", command, err).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("flowbill " + args.get(0) + " failed: configuration: invoice documents"
                + " need the seller: set flowbill.invoice.seller.name, .address, .tax-id and .email"
                + " (FLOWBILL_INVOICE_SELLER_NAME, _ADDRESS, _TAXID, _EMAIL); only the demo prints its sample seller"
                + System.lineSeparator());
        assertThat(Files.exists(workDir.resolve("out"))).as("export folder after %s", command).isFalse();
    }
}
