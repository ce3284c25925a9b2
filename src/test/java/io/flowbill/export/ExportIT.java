package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.InvoicingProperties;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.TerminatedMidRun;

/** The CSV exports of the fixture day, byte for byte, and the folder's manifest. */
@FixtureFleetTest
class ExportIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PriceBook book;

    @Autowired
    InvoicingProperties invoicing;

    Path acme;

    @BeforeEach
    void fixtureDayBilled() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        acme = exportDir.resolve("acme/2026-11");
    }

    @Test
    void writesTheDaysChargesInTheIssuesColumnsByContainerItemAndTier() throws Exception {
        bill();

        assertThat(read(acme.resolve("charges-2026-11-25.csv"))).isEqualTo(csv(
                "tenant,date,container_id,container_name,charge_type,spec_id,item,tier,quantity,unit,unit_price,amount,"
                        + "currency,price_version",
                "acme,2026-11-25,101,web-1,on_demand,20,bandwidth,1,60,Mbps_hour,0.03,1.80,CNY,fixture-2026-01",
                "acme,2026-11-25,101,web-1,on_demand,20,bandwidth,1,60,Mbps_hour,0.03,1.80,CNY,"
                        + "fixture-2026-11-25-noon",
                "acme,2026-11-25,101,web-1,on_demand,20,bandwidth,2,36,Mbps_hour,0.13,4.68,CNY,fixture-2026-01",
                "acme,2026-11-25,101,web-1,on_demand,20,bandwidth,2,36,Mbps_hour,0.10,3.60,CNY,"
                        + "fixture-2026-11-25-noon",
                "acme,2026-11-25,101,web-1,on_demand,20,compute,,12,hour,0.200,2.40,CNY,fixture-2026-01",
                "acme,2026-11-25,101,web-1,on_demand,20,compute,,12,hour,0.200,2.40,CNY,fixture-2026-11-25-noon",
                "acme,2026-11-25,102,\"'=HYPERLINK(\"\"x\"\")\",on_demand,10,compute,,12,hour,0.060,0.72,CNY,"
                        + "fixture-2026-01",
                "acme,2026-11-25,102,\"'=HYPERLINK(\"\"x\"\")\",on_demand,10,compute,,12,hour,0.060,0.72,CNY,"
                        + "fixture-2026-11-25-noon",
                "acme,2026-11-25,102,\"'=HYPERLINK(\"\"x\"\")\",on_demand,10,traffic_out,,8.59375,GB,0.79,6.79,CNY,"
                        + "fixture-2026-01",
                "acme,2026-11-25,102,\"'=HYPERLINK(\"\"x\"\")\",on_demand,10,traffic_out,,9.375,GB,0.79,7.41,CNY,"
                        + "fixture-2026-11-25-noon",
                "acme,2026-11-25,103,db-package,package,10,package,,0.016666667,month,43.20,0.72,CNY,fixture-2026-01",
                "acme,2026-11-25,103,db-package,package,10,package,,0.016666667,month,43.20,0.72,CNY,"
                        + "fixture-2026-11-25-noon",
                "acme,2026-11-25,105,'-private,on_demand,30,compute,,12,hour,0.280,3.36,CNY,fixture-2026-01",
                "acme,2026-11-25,105,'-private,on_demand,30,compute,,12,hour,0.280,3.36,CNY,"
                        + "fixture-2026-11-25-noon"));
    }

    @Test
    void writesTheDaysUnresolvedMeteringExceptions() throws Exception {
        bill();

        assertThat(read(acme.resolve("exceptions-2026-11-25.csv"))).isEqualTo(csv(
                "tenant,date,container_id,window_start,kind,raw_value,message",
                "acme,2026-11-25,102,2026-11-24T21:00:00Z,malformed_flow,12.3XB,"
                        + "flow value is not a quantity: traffic not counted",
                "acme,2026-11-25,104,2026-11-24T16:00:00Z,unknown_status,suspended,"
                        + "status 'suspended' is not known: not billed"));
    }

    @Test
    void writesTheInvoiceWithItsStatus() throws Exception {
        bill();

        assertThat(read(acme.resolve("invoice-2026-11.csv"))).isEqualTo(csv(
                "tenant,month,status,container_id,container_name,item,tier,quantity,unit,unit_price,amount,currency,"
                        + "invoice_number,period_start,period_end,charge_type,spec_id,price_version,corrects_month,tax",
                "acme,2026-11,DRAFT,101,web-1,bandwidth,1,60,Mbps_hour,0.03,1.80,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,101,web-1,bandwidth,1,60,Mbps_hour,0.03,1.80,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,101,web-1,bandwidth,2,36,Mbps_hour,0.13,4.68,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,101,web-1,bandwidth,2,36,Mbps_hour,0.10,3.60,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,101,web-1,compute,,12,hour,0.200,2.40,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,101,web-1,compute,,12,hour,0.200,2.40,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,20,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,102,\"'=HYPERLINK(\"\"x\"\")\",compute,,12,hour,0.060,0.72,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,10,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,102,\"'=HYPERLINK(\"\"x\"\")\",compute,,12,hour,0.060,0.72,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,10,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,102,\"'=HYPERLINK(\"\"x\"\")\",traffic_out,,8.59375,GB,0.79,6.79,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,10,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,102,\"'=HYPERLINK(\"\"x\"\")\",traffic_out,,9.375,GB,0.79,7.41,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,10,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,103,db-package,package,,0.016666667,month,43.20,0.72,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,package,10,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,103,db-package,package,,0.016666667,month,43.20,0.72,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,package,10,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,103,db-package,package_overage,,8.666666667,GB,0.79,6.85,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,package,10,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,105,'-private,compute,,12,hour,0.280,3.36,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,30,fixture-2026-01,,0",
                "acme,2026-11,DRAFT,105,'-private,compute,,12,hour,0.280,3.36,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,on_demand,30,fixture-2026-11-25-noon,,0",
                "acme,2026-11,DRAFT,,,tax,,47.33,CNY,0,0.00,CNY,"
                        + "acme-202611,2026-11-01,2026-11-30,,,fixture-2026-11-25-noon,,"));
    }

    @Test
    void writesByteIdenticalFilesWhenTheSameDataIsBilledAgain() throws Exception {
        List<Path> first = bill();
        Map<Path, byte[]> before = contents(first);

        List<Path> again = bill();

        assertThat(again).as("files of the second run").isEqualTo(first);
        assertThat(contents(again)).as("file contents of the second run")
                .allSatisfy((file, bytes) -> assertThat(bytes).as("bytes of %s", file).isEqualTo(before.get(file)));
        try (var files = Files.list(acme)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as("files in %s", acme)
                    .containsExactly("charges-2026-11-25.csv", "exceptions-2026-11-25.csv", "invoice-2026-11.csv",
                            "invoice-2026-11.html", "invoice-2026-11.pdf", "manifest.json", "reconciliation-2026-11.csv",
                            "report-2026-11-25.html");
        }
    }

    @Test
    void listsEveryFileInTheManifestWithRowsTotalHashPriceVersionsAndRatingRun() throws Exception {
        bill();
        Long run = jdbc.queryForObject("select run_id from rated_day where charge_date = ?", Long.class,
                Date.valueOf(DAY));
        List<String> versions = List.of("fixture-2026-01", "fixture-2026-11-25-noon");

        Manifest manifest = Manifest.read(acme.resolve("manifest.json"));

        assertThat(manifest.tenant() + " " + manifest.month()).isEqualTo("acme 2026-11");
        assertThat(manifest.files().values()).as("entries of %s", acme).containsExactly(
                entry("charges-2026-11-25.csv", "charges", "2026-11-25", 14L, "40.48", versions, run),
                entry("exceptions-2026-11-25.csv", "exceptions", "2026-11-25", 2L, null, List.of(), run),
                entry("invoice-2026-11.csv", "invoice", "2026-11", 16L, "47.33", versions, run),
                entry("invoice-2026-11.html", "invoice", "2026-11", null, "47.33", versions, run),
                entry("invoice-2026-11.pdf", "invoice", "2026-11", null, "47.33", versions, run),
                entry("reconciliation-2026-11.csv", "reconciliation", "2026-11", 5L, "47.33", List.of(), run),
                entry("report-2026-11-25.html", "report", "2026-11-25", null, "40.48", versions, run));
        assertThat(ManifestCheck.run(acme, quiet(), quiet())).as("export --verify %s", acme).isZero();
    }

    @Test
    void startsTheCsvFilesWithAByteOrderMarkForExcelWhenConfigured() throws Exception {
        bill();
        Path excelDir = Files.createTempDirectory(exportDir, "excel");
        ExportService excel = new ExportService(dataSource, transactionManager,
                new ExportProperties(excelDir, true, null), book, new InvoiceProperties(null, null, null, null),
                invoicing);

        excel.writeDay(FixtureFleet.TENANT, DAY);

        Path excelAcme = excelDir.resolve("acme/2026-11");
        for (String name : List.of("charges-2026-11-25.csv", "exceptions-2026-11-25.csv")) {
            byte[] plain = Files.readAllBytes(acme.resolve(name));
            byte[] withBom = Files.readAllBytes(excelAcme.resolve(name));
            assertThat(withBom).as("bytes of %s", name).startsWith(CsvFile.BOM)
                    .endsWith(plain).hasSize(plain.length + CsvFile.BOM.length);
            assertThat(Manifest.read(excelAcme.resolve("manifest.json")).files().get(name).utf8Bom()).as(name).isTrue();
        }
        assertThat(Files.readAllBytes(excelAcme.resolve("report-2026-11-25.html"))).as("the report")
                .isEqualTo(Files.readAllBytes(acme.resolve("report-2026-11-25.html")));
        assertThat(ManifestCheck.run(excelAcme, quiet(), quiet())).as("export --verify %s", excelAcme).isZero();
    }

    @Test
    void publishesTheDayAndItsInvoiceTogetherOrNothingWhenTheDatabaseFailsHalfWay() throws Exception {
        bill();
        Map<String, byte[]> before = folder(acme);
        // given: late usage, rated, so that the export would change the day's files and the invoice
        new FixtureFleet(jdbc).container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        rating.rate(FixtureFleet.TENANT, DAY);
        List<InvoiceState> refreshed = List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));

        // when: the connection dies at the invoice, after the day's three files were written
        Throwable failure = TerminatedMidRun.whenReading(dataSource, "invoice_line",
                () -> exports.writeDayAndInvoices(FixtureFleet.TENANT, DAY, refreshed));

        // then
        assertThat(failure).as("what the export threw").hasMessageContaining("terminating connection");
        assertThat(folder(acme)).as("files of %s after the failed export", acme).containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as("bytes of %s", name).isEqualTo(before.get(name)));

        exports.writeDayAndInvoices(FixtureFleet.TENANT, DAY, refreshed);
        assertThat(read(acme.resolve("charges-2026-11-25.csv"))).contains(",107,late-arrival,");
        assertThat(read(acme.resolve("invoice-2026-11.csv"))).contains(",107,late-arrival,");
        assertThat(folder(acme).keySet()).as("files of %s after the export again", acme).isEqualTo(before.keySet());
        assertThat(ManifestCheck.run(acme, quiet(), quiet())).as("export --verify %s", acme).isZero();
    }

    private ManifestEntry entry(String name, String kind, String period, Long rows, String amount,
            List<String> versions, Long run) throws Exception {
        byte[] bytes = Files.readAllBytes(acme.resolve(name));
        return new ManifestEntry(name, kind, period, rows, amount == null ? null : new BigDecimal(amount),
                amount == null ? null : "CNY", bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), false, versions, run);
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    private List<Path> bill() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        return exports.writeDayAndInvoices(FixtureFleet.TENANT, DAY, List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));
    }

    /** Every file in a folder, hidden ones and those in folders below included, by path relative to it. */
    private static Map<String, byte[]> folder(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Map<Path, byte[]> contents(List<Path> files) {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        files.forEach(file -> {
            try {
                contents.put(file, Files.readAllBytes(file));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return contents;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String csv(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }
}
