package io.flowbill.cli;

import java.io.PrintWriter;
import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.billing.BillingService;
import io.flowbill.invoicing.FixedClockConfiguration;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.TestDatabase;

/**
 * {@code close --month M} refuses a month with days that were never rated (exit 1, the days named as ranges) and
 * leaves its invoice a DRAFT; {@code --force} closes it anyway.
 */
@SpringBootTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.sandbox.containers=0" })
@Import(FixedClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class CloseCommandIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-close-command-it");
        registry.add("flowbill.export.dir", exportDir::toString);
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
