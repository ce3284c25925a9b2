package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;
import io.flowbill.invoicing.RatingService;

/** The day report gives an unbilled container the status of its last metered hour of the day as the reason. */
@FixtureFleetTest
class UnbilledStatusIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    RatingService rating;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void namesTheStatusOfTheLastMeteredHour() throws Exception {
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        // 110 is being created until noon, then its creation fails: neither half is billable
        fleet.container(110, "failed-create").onDemand(20).status("create_ing").hours(DAY, 0, 12).insert();
        fleet.container(110, "failed-create").onDemand(20).status("create_fail").hours(DAY, 12, 24).insert();
        rating.rate(TENANT, DAY);

        exports.writeDay(TENANT, DAY);

        String html = Files.readString(exportDir.resolve(TENANT).resolve("2026-11").resolve("report-" + DAY + ".html"));
        assertThat(html).contains("<tr><td>create_fail</td><td class=\"n\">1</td><td>110 (failed-create)</td></tr>")
                .doesNotContain("<td>create_ing</td>")
                .contains("<span id=\"unbilled\">2</span> not billed.");
        assertThat(jdbc.queryForObject("select count(*) from charge_line where container_id = 110", Long.class))
                .as("charge lines of 110").isZero();
    }

    @Test
    void countsTheMeteredContainersWhenEveryOneIsBilled() throws Exception {
        FixtureFleet fleet = new FixtureFleet(jdbc).clear();
        fleet.container(120, "api-1").onDemand(20).status("create_succ").hours(DAY, 0, 24).insert();
        fleet.container(121, "api-2").onDemand(20).status("create_succ").hours(DAY, 6, 18).insert();
        fleet.container(122, "api-3").onDemand(20).status("restart_succ").hours(DAY, 23, 24).insert();
        rating.rate(TENANT, DAY);

        exports.writeDay(TENANT, DAY);

        String html = Files.readString(exportDir.resolve(TENANT).resolve("2026-11").resolve("report-" + DAY + ".html"));
        assertThat(html).contains("<span id=\"metered\">3</span> containers metered this day, "
                + "<span id=\"billed\">3</span> billed, <span id=\"unbilled\">0</span> not billed.");
    }
}
