package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

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
 * The price versions an invoice's manifest entries name: those of its own lines, and, for the closed months its
 * adjustments correct (adjustment lines carry no version), those of the corrected month's charge lines.
 */
@FixtureFleetTest
class InvoiceManifestVersionsIT {

    static final List<String> NOVEMBER_VERSIONS = List.of("fixture-2026-01", "fixture-2026-11-25-noon");

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
    void namesTheVersionsOfTheInvoicesLinesAndOfTheClosedMonthItsAdjustmentsCorrect() throws Exception {
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(TENANT, DAY);
        InvoiceState november = invoices.refreshFor(TENANT, DAY);
        exports.writeInvoices(List.of(invoices.close(TENANT, YearMonth.of(2026, 11), true)));
        // late data for the closed November: an adjustment on December's invoice, which has no line of its own
        fleet.container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        rating.rate(TENANT, DAY);
        InvoiceState december = invoices.refreshFor(TENANT, DAY);

        exports.writeInvoices(List.of(december));

        assertThat(november.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(december.month()).as("the invoice the late data lands on").isEqualTo(YearMonth.of(2026, 12));
        assertThat(versions("2026-11", "invoice-2026-11.csv")).as("November's own lines").isEqualTo(NOVEMBER_VERSIONS);
        assertThat(versions("2026-12", "invoice-2026-12.csv")).as("December's November adjustment")
                .isEqualTo(NOVEMBER_VERSIONS);
        assertThat(versions("2026-12", "invoice-2026-12.pdf")).as("December's PDF").isEqualTo(NOVEMBER_VERSIONS);
    }

    private static List<String> versions(String month, String file) {
        Manifest manifest = Manifest.read(exportDir.resolve(TENANT).resolve(month).resolve(Manifest.FILE_NAME));
        return manifest.files().get(file).priceVersions();
    }
}
