package io.flowbill.cli;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.billing.BillingService;
import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.FixedClockConfiguration;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.system.ExternalTool;
import io.flowbill.system.IntegrationTest;
import io.flowbill.system.Patience;

/**
 * The invoice as a document: the fixture day billed as {@code nightly} bills it, then {@code close}, with a book whose
 * second version (from noon on 2026-11-25) taxes at 6 %. The HTML and PDF agree with the invoice table, the CSV and
 * the manifest, say DRAFT until the close, and are byte-identical when written again.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=classpath:pricing/taxed-fixture-book.yaml", "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoice.seller.name=蜂巢云计算有限公司",
    "flowbill.invoice.seller.address=杭州市滨江区网商路 599 号", "flowbill.invoice.seller.tax-id=91330100MA2B0000X1",
    "flowbill.invoice.buyers.acme.name=Acme 有限公司", "flowbill.invoice.buyers.acme.address=上海市浦东新区 1 号",
    "flowbill.invoice.payment-terms-days=14", "flowbill.invoice.bank.name=招商银行杭州分行",
    "flowbill.invoice.bank.account=5719 0412 3456 789" })
@Import(FixedClockConfiguration.class)
class InvoiceDocumentIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static Path exportDir;
    static Path acme;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
        acme = exportDir.resolve("acme/2026-11");
    }

    @Autowired
    BillingService billing;

    @Autowired
    CloseCommand close;

    @Autowired
    ExportCommand export;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixtureDayBilledAsTheNightlyRunBillsIt() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        billing.bill(FixtureFleet.TENANT, DAY);
    }

    @Test
    void taxesTheMonthAtTheRateOfTheVersionInEffectAtItsEndOnceOnTheSubtotal() {
        // 40.48 of daily lines + 6.85 package overage = 47.33; 47.33 x 0.06 = 2.8398, rounded once: 2.84
        Map<String, Object> invoice = jdbc.queryForMap("select subtotal, tax_rate, tax, tax_version, total from invoice"
                + " where tenant_id = 'acme' and billing_month = ?", Date.valueOf(NOVEMBER.atDay(1)));

        assertThat((BigDecimal) invoice.get("subtotal")).isEqualByComparingTo("47.33");
        assertThat((BigDecimal) invoice.get("tax_rate")).isEqualByComparingTo("0.06");
        assertThat(invoice.get("tax_version")).isEqualTo("fixture-2026-11-25-noon");
        assertThat((BigDecimal) invoice.get("tax")).isEqualByComparingTo("2.84");
        assertThat((BigDecimal) invoice.get("total")).isEqualByComparingTo("50.17");
    }

    @Test
    void nightlyWritesADraftWhosePdfHtmlCsvAndManifestTotalsEqualTheInvoiceTable() throws Exception {
        String pdf = pdfText();
        String html = Files.readString(acme.resolve("invoice-2026-11.html"), StandardCharsets.UTF_8);

        assertTotalsAgree(pdf, html, "50.17");
        assertThat(pdf).contains("Invoice acme-202611", "Period 2026-11-01 to 2026-11-30", "status DRAFT",
                "蜂巢云计算有限公司", "Acme 有限公司", "container 103 db-package", "Subtotal 47.33 CNY",
                "Tax 6 % (fixture-2026-11-25-noon) 2.84 CNY", "Total 50.17 CNY", "package_overage");
        assertThat(html).contains("class=\"watermark\"", ">DRAFT</span>", "Invoice acme-202611",
                "蜂巢云计算有限公司", "杭州市滨江区网商路 599 号", "上海市浦东新区 1 号");
    }

    @Test
    void closeWritesTheFinalInvoiceWithoutTheDraftMarkAndAgainTheSameBytes() throws Exception {
        int closed = close.run(null, NOVEMBER, true, out(), out());
        Map<Path, byte[]> afterClose = files();
        int closedAgain = close.run(null, NOVEMBER, true, out(), out());
        Map<Path, byte[]> afterSecondClose = files();
        int rewritten = export.month(null, NOVEMBER, false, out());

        assertThat(closed + closedAgain + rewritten).as("exit codes of close, close, export --month").isZero();
        String pdf = pdfText();
        assertThat(pdf).contains("status FINAL", "Total 50.17 CNY").doesNotContain("DRAFT");
        assertThat(Files.readString(acme.resolve("invoice-2026-11.html"))).contains(">FINAL</span>")
                .doesNotContain("DRAFT");
        assertTotalsAgree(pdf, Files.readString(acme.resolve("invoice-2026-11.html")), "50.17");
        assertThat(afterClose.keySet()).extracting(Path::toString).contains("acme/2026-11/invoice-2026-11.pdf",
                "acme/2026-11/invoice-2026-11.html", "acme/2026-11/invoice-2026-11.csv");
        assertSameBytes(afterSecondClose, afterClose);
        // the day reports show the invoice as it stands when written: export --month after close rewrites them
        // from DRAFT to FINAL (and their manifest entries); every invoice file stays the same bytes
        Map<Path, byte[]> afterExport = files();
        assertThat(afterExport.keySet()).isEqualTo(afterClose.keySet());
        afterExport.forEach((file, bytes) -> {
            if (file.getFileName().toString().startsWith("invoice-")) {
                assertThat(bytes).as("bytes of %s written again", file).isEqualTo(afterClose.get(file));
            }
        });
        assertThat(export.month(null, NOVEMBER, false, out())).as("exit code of a second export --month").isZero();
        assertSameBytes(files(), afterExport);
    }

    @Test
    void theFinalInvoiceIsIssuedOnTheDayOfItsCloseAndDueAfterTheConfiguredTerms() throws Exception {
        assertThat(pdfText()).as("the draft's PDF").contains("Issue date on close (draft)",
                "due date 14 days after issue", "Payable within 14 days of the issue date");

        assertThat(close.run(null, NOVEMBER, true, out(), out())).as("exit code of close").isZero();

        java.time.LocalDate issued = jdbc.queryForObject("select (closed_at at time zone 'Asia/Shanghai')::date"
                + " from invoice where tenant_id = 'acme' and billing_month = ?", java.time.LocalDate.class,
                Date.valueOf(NOVEMBER.atDay(1)));
        java.time.LocalDate due = issued.plusDays(14);
        String html = Files.readString(acme.resolve("invoice-2026-11.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<span id=\"issue-date\">" + issued + "</span>",
                "<span id=\"due-date\">" + due + "</span>", "payment terms 14 days",
                "Please pay 50.17 CNY by " + due + ", quoting invoice acme-202611.",
                "<span id=\"bank-name\">招商银行杭州分行</span>", "<span id=\"bank-account\">5719 0412 3456 789</span>");
        assertThat(pdfText()).contains("Issue date " + issued + " \u00b7 due date " + due,
                "Please pay 50.17 CNY by " + due, "Bank 招商银行杭州分行", "Account 5719 0412 3456 789",
                "Page 1 of ");
    }

    @Test
    void theDocumentsPrintQuantitiesOfAtMostSixDecimalsWhereTheCsvKeepsTheExactFigure() throws Exception {
        List<String> quantities = csv(acme.resolve("invoice-2026-11.csv")).stream().map(row -> row.get("quantity"))
                .toList();
        String html = Files.readString(acme.resolve("invoice-2026-11.html"), StandardCharsets.UTF_8);

        assertThat(quantities).as("the CSV's exact quantities").contains("8.666666667");
        assertThat(html).contains(">8.666667</td><td>GB</td>").doesNotContain("8.666666667", ">hour<");
        assertThat(pdfText()).contains("8.666667 GB").doesNotContain("8.666666667");
    }

    private static void assertSameBytes(Map<Path, byte[]> again, Map<Path, byte[]> first) {
        assertThat(again.keySet()).isEqualTo(first.keySet());
        again.forEach((file, bytes) -> assertThat(bytes).as("bytes of %s written again", file)
                .isEqualTo(first.get(file)));
    }

    @Test
    void everyLineOfTheChargesAndInvoiceFilesIsItsQuantityTimesItsUnitPriceRounded() throws Exception {
        List<CSVRecord> rows = new ArrayList<>(csv(acme.resolve("charges-2026-11-25.csv")));
        rows.addAll(csv(acme.resolve("invoice-2026-11.csv")));

        assertThat(rows).hasSizeGreaterThan(20).allSatisfy(row -> assertThat(new BigDecimal(row.get("amount")))
                .as("amount of %s", row.toMap())
                .isEqualTo(new BigDecimal(row.get("quantity")).multiply(new BigDecimal(row.get("unit_price")))
                        .setScale(2, java.math.RoundingMode.HALF_UP)));
        assertThat(rows).extracting(row -> row.get("quantity")).as("quantities without trailing zeros")
                .contains("12", "8.59375", "0.016666667").doesNotContain("12.000000000");
        assertThat(rows).extracting(row -> row.get("unit_price")).as("unit prices as the book wrote them")
                .contains("0.060", "0.200", "0.03", "43.20");
    }

    @Test
    void chromiumRendersTheInvoicePageWithTheTotalsAndTheDraftMark() throws Exception {
        Path chromium = Stream.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        ExternalTool.require(chromium != null, "Chromium is not installed ('apt-get install chromium'): not rendered");
        Path page = acme.resolve("invoice-2026-11.html");
        Path png = Path.of("target", "invoice-2026-11-draft.png").toAbsolutePath();
        Files.deleteIfExists(png);

        String dom = chromium(chromium, "--dump-dom", page);
        chromium(chromium, "--screenshot=" + png, page);

        assertThat(dom).contains("Invoice acme-202611", "50.17 CNY", "2.84 CNY", "DRAFT", "蜂巢云计算有限公司");
        assertThat(png).as("screenshot of %s", page).isNotEmptyFile();
    }

    private void assertTotalsAgree(String pdf, String html, String expected) throws IOException {
        BigDecimal database = jdbc.queryForObject("select total from invoice where tenant_id = 'acme'"
                + " and billing_month = ?", BigDecimal.class, Date.valueOf(NOVEMBER.atDay(1)));
        BigDecimal csv = csv(acme.resolve("invoice-2026-11.csv")).stream()
                .map(row -> new BigDecimal(row.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode manifest = new ObjectMapper().readTree(acme.resolve("manifest.json").toFile());
        Map<String, String> manifestAmounts = new TreeMap<>();
        manifest.get("files").forEach(file -> {
            if (file.get("name").asText().startsWith("invoice-")) {
                manifestAmounts.put(file.get("name").asText(), file.get("amount").asText());
            }
        });

        assertThat(database).as("invoice table").isEqualByComparingTo(expected);
        assertThat(csv).as("sum of the CSV's amount column").isEqualByComparingTo(database);
        assertThat(manifestAmounts).as("manifest amounts").containsOnlyKeys("invoice-2026-11.csv",
                "invoice-2026-11.html", "invoice-2026-11.pdf").allSatisfy((name, amount) -> assertThat(amount)
                        .as("manifest amount of %s", name).isEqualTo(database.toPlainString()));
        assertThat(pdf).as("PDF text").contains("Total " + database.toPlainString() + " CNY");
        assertThat(html).as("HTML").contains("id=\"total\">" + database.toPlainString() + " CNY<");
    }

    private static String pdfText() throws IOException {
        try (PDDocument document = Loader.loadPDF(acme.resolve("invoice-2026-11.pdf").toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            return parser.getRecords();
        }
    }

    private static String chromium(Path chromium, String action, Path page) throws Exception {
        Path profile = Files.createTempDirectory("flowbill-chromium");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=1000,1500", "--user-data-dir=" + profile, action,
                page.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(Patience.seconds(60).toMillis(), TimeUnit.MILLISECONDS))
                .as("chromium finished within %s (%s)", Patience.seconds(60), Patience.hint()).isTrue();
        assertThat(process.exitValue()).as("exit code of chromium %s", action).isZero();
        return output;
    }

    private static PrintWriter out() {
        return new PrintWriter(System.out, true);
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
}
