package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} refuses a bad command line with exit code 2 and a clear message, before anything starts. */
class ExportCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void refusesADateThatIsNotACalendarDayAndAMonthThatIsNotAMonth() {
        assertThat(run("export", "--date", "2026-11-31")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("flowbill export: --date '2026-11-31' is not a calendar day; write it like"
                + " 2026-11-25\n");
        assertThat(run("export", "--month", "11/2026")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--month '11/2026' is not a month; write it like 2026-11");
    }

    @Test
    void requiresExactlyOneOfDateMonthAndVerify() {
        assertThat(run("export")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).startsWith("flowbill export: ").contains("--date", "--month", "--verify").hasLineCount(1);
        assertThat(run("export", "--date", "2026-11-25", "--month", "2026-11")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("mutually exclusive").hasLineCount(1);
        assertThat(run("export", "--verify")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--verify").contains("DIR").hasLineCount(1);
    }

    @Test
    void refusesZipWithoutAMonthBeforeAnythingStarts() {
        assertThat(run("export", "--date", "2026-11-25", "--zip")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("flowbill export: --zip packs a month: write it with --month, e.g. 'export"
                + " --month 2026-11 --zip'\n");
        assertThat(run("export", "--verify", "/nonexistent/flowbill-out", "--zip")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--zip packs a month").hasLineCount(1);
    }

    @Test
    void verifiesWithoutStartingTheApplication() {
        assertThat(run("export", "--verify", "/nonexistent/flowbill-out")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--verify /nonexistent/flowbill-out is not a folder")
                .doesNotContain("PostgreSQL");
    }

    @Test
    void checksSignaturesWithTheKeyFileOfTheCommandLineAndRefusesItWithoutVerify(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out/acme/2026-11"));
        Files.writeString(folder.resolve("manifest.json"), "{\"format\": \"flowbill-export-manifest/1\", \"tenant\":"
                + " \"acme\", \"month\": \"2026-11\", \"files\": [], \"signature\": null}\n");
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path verify = Files.writeString(dir.resolve("verify.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        assertThat(run("export", "--verify", dir.resolve("out").toString())).isEqualTo(FlowbillCli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unsigned " + folder.resolve("manifest.json"));
        assertThat(run("export", "--verify", dir.resolve("out").toString(), "--public-key-file", verify.toString()))
                .isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED " + folder.resolve("manifest.json")
                + ": carries no signature, but a key was given");
        assertThat(run("export", "--verify", dir.resolve("out").toString(), "--key-file", dir.toString() + "/none"))
                .isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("flowbill export: --key-file cannot read " + dir + "/none (no such file)\n");
        assertThat(run("export", "--month", "2026-11", "--key-file", verify.toString()))
                .isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).startsWith("flowbill export: --key-file checks signatures: use it with --verify")
                .hasLineCount(1);
    }

    @Test
    void listsExportInTheHelp() {
        assertThat(run("--help")).isEqualTo(FlowbillCli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export");
        out.reset();
        assertThat(run("export", "--help")).isEqualTo(FlowbillCli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: flowbill export", "--date=YYYY-MM-DD", "--month=YYYY-MM", "--verify=DIR", "--zip");
    }

    private int run(String... args) {
        err.reset();
        return FlowbillCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
