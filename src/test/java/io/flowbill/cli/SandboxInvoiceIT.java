package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.DemoFleetTest;

/**
 * The demo's month as {@code nightly} bills it (built-in sandbox, 30 containers, the bundled book; up to two days):
 * every line of its charges and invoice files is round(quantity x unit price, 2), and the invoice's HTML and PDF
 * carry the invoice table's total.
 */
@DemoFleetTest
class SandboxInvoiceIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    NightlyCommand nightly;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceBook book;

    @Autowired
    Clock clock;

    @Test
    void everyLineOfTheMonthsFilesKeepsItsEquationAndTheDocumentsCarryTheInvoiceTotal() throws Exception {
        LocalDate yesterday = book.zone().yesterday(clock.instant().minus(Duration.ofMinutes(10)));
        List<LocalDate> days = yesterday.getDayOfMonth() > 1 ? List.of(yesterday.minusDays(1), yesterday)
                : List.of(yesterday);
        for (LocalDate day : days) {
            assertThat(nightly.run(null, day, new PrintWriter(System.out, true))).as("exit code of nightly %s", day).isZero();
        }
        YearMonth month = YearMonth.from(yesterday);
        Path folder = exportDir.resolve("demo/" + month);

        List<CSVRecord> rows = new ArrayList<>();
        for (LocalDate day : days) {
            rows.addAll(csv(folder.resolve("charges-" + day + ".csv")));
        }
        List<CSVRecord> invoice = csv(folder.resolve("invoice-" + month + ".csv"));
        rows.addAll(invoice);

        assertThat(rows).as("lines of %s", folder).hasSizeGreaterThan(30).allSatisfy(row ->
                assertThat(new BigDecimal(row.get("amount"))).as("amount of %s", row.toMap()).isEqualTo(
                        new BigDecimal(row.get("quantity")).multiply(new BigDecimal(row.get("unit_price")))
                                .setScale(2, RoundingMode.HALF_UP)));
        assertThat(rows).filteredOn(row -> !row.get("item").equals("tax")).extracting(row -> row.get("quantity"))
                .as("quantities (the tax line's is the subtotal, in cents)")
                .noneMatch(quantity -> quantity.contains(".") && quantity.endsWith("0"));
        BigDecimal total = jdbc.queryForObject("select total from invoice where tenant_id = 'demo' and billing_month"
                + " = ?", BigDecimal.class, Date.valueOf(month.atDay(1)));
        BigDecimal csvTotal = invoice.stream().map(row -> new BigDecimal(row.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(csvTotal).as("the invoice CSV's amounts").isEqualByComparingTo(total);
        assertThat(invoice.get(invoice.size() - 1).get("item")).as("the last line").isEqualTo("tax");
        assertThat(invoice).extracting(row -> row.get("item")).as("items: every line is rated once")
                .doesNotContain("rounding");
        BigDecimal subtotal = jdbc.queryForObject("select sum(l.amount) from invoice_line l join invoice i"
                + " on i.id = l.invoice_id where i.tenant_id = 'demo' and i.billing_month = ?", BigDecimal.class,
                Date.valueOf(month.atDay(1)));
        assertThat(invoice.stream().filter(row -> !row.get("item").equals("tax"))
                .map(row -> new BigDecimal(row.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the CSV's lines and the invoice table's").isEqualByComparingTo(subtotal);
        assertDocumentLinesAreTheCsvLines(folder, month, invoice);
        assertReconciliationAddsUpToTheInvoice(folder, month, rows.subList(0, rows.size() - invoice.size()), total);
        assertThat(pdfText(folder.resolve("invoice-" + month + ".pdf"))).contains("DEMO", "status DRAFT",
                "Total " + total.toPlainString() + " CNY", "Page 1 of ", "Issue date on close (draft)",
                "Account DEMO-0000-0000-0000").doesNotContain("Mbps_hour");
        assertThat(Files.readString(folder.resolve("invoice-" + month + ".html"), StandardCharsets.UTF_8))
                .contains("id=\"total\">" + total.toPlainString() + " CNY<");
    }

    /**
     * Every line of the invoice's HTML is a line of its CSV (container, version, unit price, amount) with the
     * quantity the CSV holds exactly, shown to at most 6 places, so amount = round(CSV quantity x unit price, 2)
     * holds for the document's lines as for the CSV's; the PDF names every container and amount.
     */
    private static void assertDocumentLinesAreTheCsvLines(Path folder, YearMonth month, List<CSVRecord> invoice)
            throws IOException {
        String html = Files.readString(folder.resolve("invoice-" + month + ".html"), StandardCharsets.UTF_8);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr><td>(container (\\d+)[^<]*|[^<]*)</td>"
                + "<td>([^<]*)</td><td class=\"n\">[^<]*</td><td class=\"n\">([^<]*)</td><td>[^<]*</td>"
                + "<td class=\"n\">([^<]*)</td><td class=\"n\">([^<]*)</td></tr>").matcher(html);
        int lines = 0;
        while (row.find()) {
            lines++;
            String container = row.group(2) == null ? "0" : row.group(2);
            String version = row.group(3);
            String quantity = row.group(4);
            String unitPrice = row.group(5);
            String amount = row.group(6);
            List<CSVRecord> same = invoice.stream().filter(csv -> csv.get("container_id").equals(container)
                    && csv.get("price_version").equals(version) && csv.get("unit_price").equals(unitPrice)
                    && csv.get("amount").equals(amount)).toList();
            assertThat(same).as("the CSV line of the document line %s", row.group()).isNotEmpty();
            assertThat(same).as("document line %s", row.group()).anySatisfy(csv -> {
                BigDecimal exact = new BigDecimal(csv.get("quantity"));
                assertThat(exact.setScale(Math.min(exact.scale(), 6), RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString()).isEqualTo(quantity);
                assertThat(new BigDecimal(amount)).isEqualTo(exact.multiply(new BigDecimal(unitPrice))
                        .setScale(2, RoundingMode.HALF_UP));
            });
        }
        assertThat(lines).as("document lines: one per CSV line but tax and adjustments")
                .isEqualTo(invoice.stream().filter(csv -> !csv.get("item").equals("tax")
                        && csv.get("corrects_month").isEmpty()).count());
        String pdf = pdfText(folder.resolve("invoice-" + month + ".pdf")).replaceAll("\\s+", " ");
        assertThat(invoice).filteredOn(csv -> !csv.get("item").equals("tax") && !csv.get("container_id").equals("0")
                && !csv.get("container_id").isEmpty()).allSatisfy(csv -> assertThat(pdf)
                .as("the PDF's text").contains("container " + csv.get("container_id"), csv.get("amount")));
    }

    /**
     * {@code reconciliation-<YYYY-MM>.csv}: the daily lines as the charges files print them, the difference of rating
     * each invoice line once, the rest of the invoice; its parts add up to the invoice total.
     */
    private void assertReconciliationAddsUpToTheInvoice(Path folder, YearMonth month, List<CSVRecord> charges,
            BigDecimal total) throws IOException {
        Map<String, BigDecimal> parts = new java.util.LinkedHashMap<>();
        csv(folder.resolve("reconciliation-" + month + ".csv")).forEach(row -> parts.put(row.get("part"),
                new BigDecimal(row.get("amount"))));
        BigDecimal daily = charges.stream().map(row -> new BigDecimal(row.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal usage = jdbc.queryForObject("select sum(l.amount) from invoice_line l join invoice i"
                + " on i.id = l.invoice_id where i.tenant_id = 'demo' and i.billing_month = ? and l.item in"
                + " ('compute', 'bandwidth', 'traffic_out', 'traffic_in', 'package')", BigDecimal.class,
                Date.valueOf(month.atDay(1)));
        assertThat(parts.get("daily_lines")).as("daily lines of the charges files").isEqualByComparingTo(daily);
        assertThat(parts.get("rating_once")).as("the invoice's usage lines %s minus the daily lines %s", usage, daily)
                .isEqualByComparingTo(usage.subtract(daily));
        assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("parts %s", parts)
                .isEqualByComparingTo(total);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
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
}
