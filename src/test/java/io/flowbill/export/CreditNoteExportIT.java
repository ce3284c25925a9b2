package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatingService;

/**
 * A downward correction of a closed month as finance receives it: a credit note's CSV, HTML and PDF in the
 * correcting month's folder, referring to the FINAL invoice, while the closed month's folder keeps its bytes.
 */
@FixtureFleetTest
class CreditNoteExportIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
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

    @Test
    void aClosedMonthCorrectedDownwardsGetsACreditNoteInTheCorrectingMonthsFolderAndItsOwnFolderKeepsItsBytes()
            throws Exception {
        // given: November billed and closed at 47.33 (container 105: 6.72)
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY,
                List.of(invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY)));
        exports.writeInvoices(List.of(invoices.close(FixtureFleet.TENANT, NOVEMBER, true)));
        Path november = exportDir.resolve("acme/2026-11");
        Map<String, String> closedFolder = hashes(november);

        // when: 105's usage turns out not to exist, and the day is billed again
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        InvoiceState december = invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY, List.of(december));

        // then
        assertThat(hashes(november)).as("the closed month's folder, file by file").isEqualTo(closedFolder);
        Path folder = exportDir.resolve("acme/2026-12");
        assertThat(folder.resolve("charges-2026-11-25.csv")).as("the corrected day, with its correction").exists();
        List<CSVRecord> rows = csv(folder.resolve("credit-note-2026-11-1.csv"));
        assertThat(rows).extracting(row -> row.get("credit_note_number") + " " + row.get("corrects_invoice") + " "
                + row.get("container_id") + " " + row.get("item") + " " + row.get("billed_on_invoice") + " "
                + row.get("quantity") + " x " + row.get("unit_price") + " = " + row.get("amount"))
                .containsExactly("acme-CN-202611-1 acme-202611 105 credit 6.72 1 x -6.72 = -6.72",
                        "acme-CN-202611-1 acme-202611  tax  -6.72 x 0 = 0.00");
        assertThat(rows).allSatisfy(row -> assertThat(new BigDecimal(row.get("amount"))).as("amount of %s", row)
                .isEqualTo(new BigDecimal(row.get("quantity")).multiply(new BigDecimal(row.get("unit_price")))
                        .setScale(2, RoundingMode.HALF_UP)));
        assertThat(Files.readString(folder.resolve("credit-note-2026-11-1.html"), StandardCharsets.UTF_8))
                .contains("<span id=\"number\">acme-CN-202611-1</span>", "<strong id=\"corrects\">acme-202611</strong>",
                        "id=\"total\">-6.72 CNY<");
        assertThat(pdfText(folder.resolve("credit-note-2026-11-1.pdf"))).contains("Credit note acme-CN-202611-1",
                "corrects invoice acme-202611", "Total -6.72 CNY");
        assertThat(Files.readString(folder.resolve(Manifest.FILE_NAME))).contains("\"credit-note-2026-11-1.csv\"",
                "\"credit_note\"");
        assertThat(december.total()).as("acme's December: no negative invoice").isEqualByComparingTo("0");
    }

    private static Map<String, String> hashes(Path folder) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                hashes.put(file.getFileName().toString(), java.util.HexFormat.of().formatHex(
                        AtomicFile.sha256().digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }
}
