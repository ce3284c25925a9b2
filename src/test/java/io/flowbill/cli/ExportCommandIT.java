package io.flowbill.cli;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.billing.BillingService;
import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.metering.InventoryScans;
import io.flowbill.system.TerminatedMidRun;

/**
 * {@code export --date | --month} rewrite from the database alone what billing wrote, byte for byte, manifests
 * and reports included; {@code export --verify} then finds every file as listed.
 */
@FixtureFleetTest
class ExportCommandIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    BillingService billing;

    @Autowired
    ExportCommand export;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    Map<Path, byte[]> billed;

    @BeforeEach
    void fixtureDayBilledAsTheNightlyRunBillsIt() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        deleteExports();
        billing.bill(FixtureFleet.TENANT, DAY);
        billed = files();
    }

    @Test
    void rewritesADayByteIdenticalToWhatBillingWrote() throws Exception {
        deleteExports();

        int exit = export.day(null, DAY, out());

        assertThat(exit).isZero();
        assertThat(billed.keySet()).as("files billing wrote").extracting(Path::toString).contains(
                "acme/2026-11/charges-2026-11-25.csv", "acme/2026-11/exceptions-2026-11-25.csv",
                "acme/2026-11/invoice-2026-11.csv", "acme/2026-11/manifest.json", "acme/2026-11/report-2026-11-25.html");
        assertSameFiles();
    }

    @Test
    void rewritesAMonthByteIdenticalToWhatBillingWroteAndTheFilesVerify() throws Exception {
        deleteExports();

        int exit = export.month(null, YearMonth.parse("2026-11"), false, out());

        assertThat(exit).isZero();
        assertSameFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(FlowbillCli.run(new String[] { "export", "--verify", exportDir.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).as(out.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/acme/2026-11/charges-2026-11-25.csv (14 rows, 40.48 CNY")
                .contains("manifests: all match");
    }

    @Test
    void packsTheMonthIntoOneArchiveThatIsByteIdenticalOnRerunAndVerifies() throws Exception {
        // when
        int exit = export.month(null, YearMonth.parse("2026-11"), true, out());
        Path pack = exportDir.resolve("flowbill-2026-11.zip");
        byte[] first = Files.readAllBytes(pack);
        Files.delete(pack);
        assertThat(export.month(null, YearMonth.parse("2026-11"), true, out())).isZero();

        // then
        assertThat(exit).isZero();
        assertThat(Files.readAllBytes(pack)).as("the pack written again").isEqualTo(first);
        List<String> entries = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(pack))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                String name = entry.getName();
                assertThat(zip.readAllBytes()).as("bytes of %s", name).isEqualTo(billed.get(Path.of(name)));
            }
        }
        assertThat(entries).as("entries of the pack").isEqualTo(billed.keySet().stream().map(Path::toString).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(FlowbillCli.run(new String[] { "export", "--verify", pack.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).as(out.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(pack + "!/acme/2026-11/charges-2026-11-25.csv"
                + " (14 rows, 40.48 CNY").contains("manifests: all match");
        assertThat(verify(out)).as("export --verify of the root with the pack in it: %s", out).isZero();
    }

    @Test
    void leavesAFolderAsItWasWhenRewritingOneDayOfIt() throws Exception {
        int exit = export.day(null, DAY, out());

        assertThat(exit).isZero();
        assertSameFiles();
    }

    @Test
    void refusesADayThatWasNeverRatedAndAMonthThatWasNeverBilled() {
        assertThatThrownBy(() -> export.day(null, LocalDate.parse("2026-11-26"), out())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--date 2026-11-26 was never rated for tenant acme").hasMessageContaining("rate --date 2026-11-26");
        assertThatThrownBy(() -> export.month(null, YearMonth.parse("2026-10"), false, out())).isInstanceOf(UsageException.class)
                .hasMessageContaining("--month 2026-10 has no rated day and no invoice");
    }

    @Test
    void removesTheTemporariesOfAKilledExportOnTheNextWriteAndVerifyNamesThemUntilThen() throws Exception {
        // given: what exports killed mid-run left: a temporary file of this build's naming and of the one before,
        // and a staging folder that was still being written
        Path folder = exportDir.resolve("acme/2026-11");
        String dead = deadRun();
        List<Path> debris = List.of(folder.resolve(".charges-2026-11-25.csv." + dead + ".tmp"),
                folder.resolve(".invoice-2026-11.csv." + dead.substring(0, dead.indexOf('-')) + ".tmp"),
                folder.resolve(".staging." + dead + ".1/charges-2026-11-25.csv"));
        for (Path file : debris) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "tenant,date,container_id\r\nacme,2026-11-25,1");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int verified = verify(out);
        assertThat(verified).as("export --verify with debris: %s", out).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "FAILED " + debris.get(0) + ": not in manifest.json: temporary file of an export that did not finish",
                "FAILED " + debris.get(1) + ": not in manifest.json: temporary file",
                "FAILED " + debris.get(2).getParent() + ": not in manifest.json: staging folder of an export that did"
                        + " not finish", "3 problems");

        int exit = export.day(null, DAY, out());

        assertThat(exit).isZero();
        assertSameFiles();
        assertThat(verify(out)).as("export --verify after the next export: %s", out).isZero();
    }

    @Test
    void publishesNothingWhenTheDatabaseFailsHalfWayAndTheSameCommandThenCompletesIt() throws Exception {
        // given: late usage, rated, so that the export changes the day's files and the invoice
        new FixtureFleet(jdbc).container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        rating.rate(FixtureFleet.TENANT, DAY);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));

        // when: the connection dies when the invoice is read, after the day's three files were written
        Throwable failure = TerminatedMidRun.whenReading(dataSource, "invoice_line",
                () -> export.day(null, DAY, out()));

        // then: the folder is as billing left it; the same command then writes it all
        assertThat(failure).as("what export --date threw").hasMessageContaining("terminating connection");
        assertSameFiles();
        assertThat(export.day(null, DAY, out())).isZero();
        assertThat(files().keySet()).as("files in %s", exportDir).isEqualTo(billed.keySet());
        assertThat(new String(files().get(Path.of("acme/2026-11/invoice-2026-11.csv")), StandardCharsets.UTF_8))
                .contains(",107,late-arrival,");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(verify(out)).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void printsTheNameInForceAtTheDaysEndSoALaterRenameChangesNoFile() throws Exception {
        // given: scans that saw the fleet at the day's start and 103 renamed at noon, then the day billed
        Instant created = FixtureFleet.local(DAY, 0);
        Instant seen = created.plus(Duration.ofMinutes(30));
        for (long id : List.of(101L, 102L, 103L, 104L, 105L)) {
            String name = jdbc.queryForObject("select name from container where container_id = ?", String.class, id);
            InventoryScans.saw(jdbc, TENANT, seen, id, name, created, created);
        }
        InventoryScans.saw(jdbc, TENANT, FixtureFleet.local(DAY, 13), 103, "db-renamed-at-noon", created,
                FixtureFleet.local(DAY, 12));
        deleteExports();
        billing.bill(FixtureFleet.TENANT, DAY);
        billed = files();
        assertThat(new String(billed.get(Path.of("acme/2026-11/charges-2026-11-25.csv")), StandardCharsets.UTF_8))
                .as("the name in force at the day's end").contains(",103,db-renamed-at-noon,")
                .doesNotContain("db-package");

        // when: 101 is renamed in December, which a later scan sees
        Instant december = Instant.parse("2026-12-02T01:00:00Z");
        InventoryScans.saw(jdbc, TENANT, december, 101, "web-renamed", created, december.minus(Duration.ofHours(1)));
        assertThat(jdbc.queryForObject("select name from container where container_id = 101", String.class))
                .as("101's current name").isEqualTo("web-renamed");
        int exit = export.day(null, DAY, out());

        // then: November's day and invoice print the names they printed before
        assertThat(exit).isZero();
        assertSameFiles();
    }

    private void assertSameFiles() throws IOException {
        Map<Path, byte[]> now = files();
        assertThat(now.keySet()).as("files in %s", exportDir).isEqualTo(billed.keySet());
        now.forEach((file, bytes) -> assertThat(bytes).as("bytes of %s", file).isEqualTo(billed.get(file)));
    }

    private static int verify(ByteArrayOutputStream out) {
        out.reset();
        return FlowbillCli.run(new String[] { "export", "--verify", exportDir.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    /** The run token of a process that has ended. */
    private static String deadRun() throws Exception {
        Process process = new ProcessBuilder("true").start();
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
        process.waitFor();
        return process.pid() + "-" + start;
    }

    private static PrintWriter out() {
        return new PrintWriter(System.out, true);
    }

    private static PrintWriter err() {
        return new PrintWriter(System.err, true);
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
