package io.flowbill.cli;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.billing.BillingService;
import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;

/**
 * {@code close --month M} refuses a month with days that were never rated (exit 1, the days named as ranges) and
 * leaves its invoice a DRAFT; {@code --force} closes it anyway.
 */
@FixtureFleetTest
@ExtendWith(OutputCaptureExtension.class)
class CloseCommandIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    BillingService billing;

    @Autowired
    CloseCommand close;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void onlyTheFixtureDayOfNovemberBilled() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        billing.bill(FixtureFleet.TENANT, DAY);
    }

    @Test
    void refusesAMonthWithUnratedDaysNamingThemAndKeepsItsInvoiceDraft(CapturedOutput output) throws Exception {
        byte[] invoiceBefore = Files.readAllBytes(invoiceFile());

        int exit = close.run(null, NOVEMBER, false, out(), err());

        assertThat(exit).as("exit code of close of a month with 29 unrated days").isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(output.getErr()).contains("flowbill close failed: 2026-11 of tenant acme has 29 days that were never rated:"
                + " 2026-11-01..2026-11-24, 2026-11-26..2026-11-30; rate them first", "anyway with --force");
        assertThat(status()).as("acme's November after the refused close").isEqualTo("DRAFT");
        assertThat(Files.readAllBytes(invoiceFile())).as("bytes of %s", invoiceFile()).isEqualTo(invoiceBefore);
    }

    @Test
    void closesAMonthWithUnratedDaysWhenForcedAndSaysWhichDays(CapturedOutput output) throws Exception {
        int exit = close.run(null, NOVEMBER, true, out(), err());

        assertThat(exit).as("exit code of close --force").isZero();
        assertThat(output.getOut()).contains("warning: --force: closing 2026-11 of tenant acme with 29 days never rated:"
                + " 2026-11-01..2026-11-24, 2026-11-26..2026-11-30", "acme 2026-11 FINAL 47.33 CNY");
        assertThat(status()).as("acme's November after close --force").isEqualTo("FINAL");
        assertThat(Files.readString(invoiceFile())).contains("acme,2026-11,FINAL,101,web-1,");
    }

    @Test
    void closingAFinalMonthAgainChangesNothingAndExitsZeroWithOneLine(CapturedOutput output) throws Exception {
        // given: November closed with --force (29 of its days were never rated)
        assertThat(close.run(null, NOVEMBER, true, out(), err())).as("exit code of the first close").isZero();
        Map<String, Object> invoiceBefore = invoiceRow();
        long linesBefore = invoiceLines();
        Map<Path, byte[]> filesBefore = files(invoiceFile().getParent());
        int printedBefore = output.getOut().length();

        // when: closed again, without --force (the unrated days would refuse a month that is not FINAL)
        int exit = close.run(null, NOVEMBER, false, out(), err());

        // then
        assertThat(exit).as("exit code of closing a FINAL month again").isZero();
        assertThat(output.getOut().substring(printedBefore).strip())
                .isEqualTo("close 2026-11: acme 2026-11 was already FINAL (47.33 CNY, " + invoiceBefore.get("lines")
                        + " lines); nothing changed");
        assertThat(output.getErr()).as("stderr").doesNotContain("flowbill close failed");
        assertThat(invoiceRow()).as("acme's November invoice row").isEqualTo(invoiceBefore);
        assertThat(invoiceLines()).as("acme's November invoice lines").isEqualTo(linesBefore);
        Map<Path, byte[]> filesAfter = files(invoiceFile().getParent());
        assertThat(filesAfter.keySet()).as("files of acme/2026-11").isEqualTo(filesBefore.keySet());
        filesBefore.forEach((file, bytes) -> assertThat(filesAfter.get(file)).as("bytes of %s", file).isEqualTo(bytes));
    }

    private Map<String, Object> invoiceRow() {
        return jdbc.queryForMap("select * from invoice where tenant_id = ? and billing_month = ?", TENANT,
                Date.valueOf(NOVEMBER.atDay(1)));
    }

    private long invoiceLines() {
        return jdbc.queryForObject("select count(*) from invoice_line l join invoice i on i.id = l.invoice_id"
                + " where i.tenant_id = ? and i.billing_month = ?", Long.class, TENANT, Date.valueOf(NOVEMBER.atDay(1)));
    }

    private static Map<Path, byte[]> files(Path folder) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private String status() {
        return jdbc.queryForObject("select status from invoice where tenant_id = ? and billing_month = ?",
                String.class, TENANT, Date.valueOf(NOVEMBER.atDay(1)));
    }

    private static Path invoiceFile() {
        return exportDir.resolve("acme/2026-11/invoice-2026-11.csv");
    }

    private static PrintWriter out() {
        return new PrintWriter(System.out, true);
    }

    private static PrintWriter err() {
        return new PrintWriter(System.err, true);
    }
}
