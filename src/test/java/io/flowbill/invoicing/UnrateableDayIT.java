package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.export.ExportService;
import io.flowbill.invoicing.StoredLines.StoredLine;
import io.flowbill.system.IntegrationTest;

/**
 * A container whose day cannot be rated: the fixture day plus 106 (on demand, public by traffic, 100 MB out each
 * hour) whose 05:00 hour has no network_charge_type, and 107 (on demand) of a spec the book does not price.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoicing.chunk-size=2", "flowbill.invoicing.partitions=1" })
class UnrateableDayIT {

    @Autowired
    ExportProperties export;

    @Autowired
    RatingService rating;

    @Autowired
    DayFiguresQuery dayFigures;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixtureDayWithTwoUnrateableContainers() {
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        fleet.container(106, "no-network-type").onDemand(10).traffic("100").insert();
        jdbc.update("update usage_hour set network_charge_type = null where container_id = 106 and window_start = ?",
                Timestamp.from(local(DAY, 5)));
        fleet.container(107, "odd-spec").onDemand(99).insert();
    }

    @Test
    void ratesTheRestOfTheDayAndRecordsEachUnrateableContainerDayAsAnException() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(StoredLines.of(jdbc, DAY)).extracting(StoredLine::containerId).as("containers billed on %s", DAY)
                .containsOnly(101L, 102L, 103L, 105L);
        assertThat(unrateable()).as("unrateable_day exceptions").extracting(row -> row.get("container_id"),
                row -> row.get("window_start"), row -> row.get("raw_value"), row -> row.get("resolved"))
                .containsExactly(tuple(106L, local(DAY, 0), local(DAY, 5).toString(), false),
                        tuple(107L, local(DAY, 0), local(DAY, 0).toString(), false));
        assertThat(unrateable().get(0).get("message")).as("message of 106").asString()
                .contains("container 106").contains("network_charge_type");
        assertThat(unrateable().get(1).get("message")).as("message of 107").asString()
                .contains("container 107").contains("spec_id 99");
        assertThat(dayFigures.of(FixtureFleet.TENANT, DAY).exceptionsByKind()).as("exceptions of the day's figures")
                .containsEntry("unrateable_day", 2L);
    }

    @Test
    void listsTheUnrateableContainerDaysInTheDaysExceptionsFile() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        exports.writeDay(FixtureFleet.TENANT, DAY);

        String csv = Files.readString(export.dir().resolve("acme/2026-11/exceptions-2026-11-25.csv"),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("acme,2026-11-25,106," + local(DAY, 0) + ",unrateable_day," + local(DAY, 5))
                .contains("acme,2026-11-25,107," + local(DAY, 0) + ",unrateable_day,");
    }

    @Test
    void ratingTheDayAgainOnceTheDataIsFixedResolvesTheExceptionAndBillsTheContainer() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        jdbc.update("update usage_hour set network_charge_type = 2 where container_id = 106");

        rating.rate(FixtureFleet.TENANT, DAY);

        // 106: 12 hours x 0.060 = 0.72 on each side of the noon version change, and its traffic
        List<StoredLine> lines = StoredLines.ofContainer(StoredLines.of(jdbc, DAY), 106);
        StoredLines.assertLine(lines, 106, "compute", 0, StoredLines.V1, "12", "0.060", "0.72");
        StoredLines.assertLine(lines, 106, "compute", 0, StoredLines.V2, "12", "0.060", "0.72");
        assertThat(lines).extracting(StoredLine::item).as("items of 106").contains("traffic_out");
        assertThat(unrateable()).extracting(row -> row.get("container_id"), row -> row.get("resolved"))
                .as("unrateable_day exceptions after the fix").containsExactly(tuple(106L, true), tuple(107L, false));
        assertThat(dayFigures.of(FixtureFleet.TENANT, DAY).exceptionsByKind()).containsEntry("unrateable_day", 1L);
    }

    @Test
    void ratingTheSameUsageAgainWritesNoRow() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        Map<String, List<String>> before = TableSnapshot.of(jdbc);

        rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(TableSnapshot.of(jdbc)).as("billing tables after rating the same usage again").isEqualTo(before);
    }

    private List<Map<String, Object>> unrateable() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select container_id, window_start, raw_value, message, resolved from metering_exception
                 where kind = 'unrateable_day' order by container_id
                """);
        rows.forEach(row -> row.put("window_start", ((Timestamp) row.get("window_start")).toInstant()));
        return rows;
    }
}
