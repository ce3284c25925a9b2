package io.flowbill.cli;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.TestDatabase;

/**
 * {@code export --date | --month} rewrite from the database alone what billing wrote, byte for byte, manifests
 * and reports included; {@code export --verify} then finds every file as listed.
 */
@SpringBootTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK })
class ExportCommandIT {

    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-export-command-it");
        registry.add("flowbill.export.dir", exportDir::toString);
    }

    @Autowired
    DayBilling billing;

    @Autowired
    ExportCommand export;

    @Autowired
    JdbcTemplate jdbc;

    Map<Path, byte[]> billed;

    @BeforeEach
    void fixtureDayBilledAsTheNightlyRunBillsIt() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        deleteExports();
        billing.bill(DAY);
        billed = files();
    }

    @Test
    void rewritesADayByteIdenticalToWhatBillingWrote() throws Exception {
        deleteExports();

        int exit = export.run(args("export", "--date", DAY.toString()));

        assertThat(exit).isZero();
        assertThat(billed.keySet()).as("files billing wrote").extracting(Path::toString).contains(
                "acme/2026-11/charges-2026-11-25.csv", "acme/2026-11/exceptions-2026-11-25.csv",
                "acme/2026-11/invoice-2026-11.csv", "acme/2026-11/manifest.json", "acme/2026-11/report-2026-11-25.html");
        assertSameFiles();
    }

    @Test
    void rewritesAMonthByteIdenticalToWhatBillingWroteAndTheFilesVerify() throws Exception {
        deleteExports();

        int exit = export.run(args("export", "--month", "2026-11"));

        assertThat(exit).isZero();
        assertSameFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(FlowbillCli.run(new String[] { "export", "--verify", exportDir.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).as(out.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/acme/2026-11/charges-2026-11-25.csv (14 rows, 40.48 CNY")
                .contains("manifests: all match");
    }

    @Test
    void leavesAFolderAsItWasWhenRewritingOneDayOfIt() throws Exception {
        int exit = export.run(args("export", "--date", DAY.toString()));

        assertThat(exit).isZero();
        assertSameFiles();
    }

    @Test
    void refusesADayThatWasNeverRatedAndAMonthThatWasNeverBilled() {
        assertThatThrownBy(() -> export.run(args("export", "--date", "2026-11-26"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--date 2026-11-26 was never rated").hasMessageContaining("rate --date 2026-11-26");
        assertThatThrownBy(() -> export.run(args("export", "--month", "2026-10"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--month 2026-10 has no rated day and no invoice");
    }

    private void assertSameFiles() throws IOException {
        Map<Path, byte[]> now = files();
        assertThat(now.keySet()).as("files in %s", exportDir).isEqualTo(billed.keySet());
        now.forEach((file, bytes) -> assertThat(bytes).as("bytes of %s", file).isEqualTo(billed.get(file)));
    }

    private static CommandArgs args(String... words) {
        return CommandArgs.parse(words, CommandCatalog.DEFAULT_COMMAND);
    }

    private static Map<Path, byte[]> files() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(exportDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(exportDir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void deleteExports() throws IOException {
        try (Stream<Path> walk = Files.walk(exportDir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(exportDir)).toList()) {
                Files.delete(path);
            }
        }
    }
}
