package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.StoredLines.V1;
import static io.flowbill.invoicing.StoredLines.V2;
import static io.flowbill.invoicing.StoredLines.assertLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.StoredLines.StoredLine;
import io.flowbill.system.IntegrationTest;

/** ratingJob over the fixture fleet: exact lines, the rules that decide them, re-rating and restart. */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoicing.chunk-size=2", "flowbill.invoicing.partitions=1" })
class RatingJobIT {

    @Autowired
    RatingService rating;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepository jobRepository;

    FixtureFleet fleet;

    @BeforeEach
    void fixtureDay() {
        fleet = new FixtureFleet(jdbc).clear().insertDay();
    }

    @Test
    void splitsEveryLineAtTheVersionChangeInsideTheDay() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> web = StoredLines.ofContainer(StoredLines.of(jdbc, DAY), 101);
        assertLine(web, 101, "compute", 0, V1, "12", "0.200", "2.40");
        assertLine(web, 101, "compute", 0, V2, "12", "0.200", "2.40");
        assertLine(web, 101, "bandwidth", 1, V1, "60", "0.03", "1.80");
        assertLine(web, 101, "bandwidth", 2, V1, "36", "0.13", "4.68");
        assertLine(web, 101, "bandwidth", 1, V2, "60", "0.03", "1.80");
        assertLine(web, 101, "bandwidth", 2, V2, "36", "0.10", "3.60");
        assertThat(web).as("lines of container 101").hasSize(6);
    }

    @Test
    void billsComputeForEveryHourWhenAnHoursTrafficIsAnException() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.ofContainer(StoredLines.of(jdbc, DAY), 102);
        assertLine(lines, 102, "compute", 0, V1, "12", "0.060", "0.72");
        assertLine(lines, 102, "compute", 0, V2, "12", "0.060", "0.72");
        // 11 readable hours x 800 MB = 8.59375 GB before noon; 12 x 800 MB = 9.375 GB after
        assertLine(lines, 102, "traffic_out", 0, V1, "8.59375", "0.79", "6.79");
        assertLine(lines, 102, "traffic_out", 0, V2, "9.375", "0.79", "7.41");
        assertThat(lines).as("lines of container 102 (inbound is free)").hasSize(4);
    }

    @Test
    void billsAPackageDayAsItsShareOfTheMonthWithNetworkIncluded() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.ofContainer(StoredLines.of(jdbc, DAY), 103);
        // 12 of November's 720 hours on each side of noon: 0.016666667 month x 43.20 = 0.72
        assertLine(lines, 103, "package", 0, V1, "0.016666667", "43.20", "0.72");
        assertLine(lines, 103, "package", 0, V2, "0.016666667", "43.20", "0.72");
        assertThat(lines).as("lines of container 103").hasSize(2);
    }

    @Test
    void recordsThePackageDayTheMonthsOverageSumsPerPriceVersion() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        List<Map<String, Object>> days = jdbc.queryForList("select container_id, spec_id, price_version,"
                + " package_seconds, outbound_mb from package_day where charge_date = ? order by price_version",
                Date.valueOf(DAY));
        // 103: 12 billable package hours of spec 10 on each side of noon, 512 MB out each
        assertThat(days).as("package days of %s", DAY).hasSize(2);
        for (Map<String, Object> day : days) {
            assertThat(day).containsEntry("container_id", 103L).containsEntry("spec_id", 10)
                    .containsEntry("package_seconds", 43_200L);
            assertThat((BigDecimal) day.get("outbound_mb")).as("outbound MB of %s", day).isEqualByComparingTo("6144");
        }
        assertThat(days).extracting(day -> day.get("price_version")).containsExactly(V1, V2);
    }

    @Test
    void billsOnlyComputeForAPrivateContainerAndNothingForAnUnknownStatus() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.of(jdbc, DAY);
        assertLine(lines, 105, "compute", 0, V1, "12", "0.280", "3.36");
        assertLine(lines, 105, "compute", 0, V2, "12", "0.280", "3.36");
        assertThat(StoredLines.ofContainer(lines, 105)).as("lines of private container 105").hasSize(2);
        assertThat(StoredLines.ofContainer(lines, 104)).as("lines of container 104, status 'suspended'").isEmpty();
        assertThat(lines).as("all lines of the fixture day").hasSize(14);
    }

    @Test
    void decidesBillabilityFromTheStoredStatusNotTheStoredFlag() throws Exception {
        // given: 106 metered when its status was not yet known (flag false), 107 with a flag the policy denies
        fleet.container(106, "learned-status").onDemand(1).storedBillable(false).insert();
        fleet.container(107, "flag-only").onDemand(1).status("suspended").storedBillable(true).insert();

        rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.of(jdbc, DAY);
        assertLine(lines, 106, "compute", 0, V1, "12", "0.039", "0.47");
        assertLine(lines, 106, "compute", 0, V2, "12", "0.039", "0.47");
        assertThat(StoredLines.ofContainer(lines, 107)).as("lines of container 107, status 'suspended'").isEmpty();
    }

    @Test
    void keepsEveryLineToItsAmountEquation() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        Long broken = jdbc.queryForObject("""
                select count(*) from charge_line where amount <> round(quantity * unit_price, 2) or scale(amount) <> 2
                """, Long.class);
        assertThat(broken).as("lines whose amount is not round(quantity x unit_price, 2)").isZero();
    }

    @Test
    void reratingTheSameUsageWritesNoRow() throws Exception {
        RatedDay first = rating.rate(FixtureFleet.TENANT, DAY);
        Map<String, List<String>> before = TableSnapshot.of(jdbc);

        RatedDay again = rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(first.changed()).as("first rating of %s", DAY).isTrue();
        assertThat(again.changed()).as("second rating of %s", DAY).isFalse();
        assertThat(again.runId()).as("the second rating is a run of its own").isNotEqualTo(first.runId());
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after rating %s again", DAY).isEqualTo(before);
    }

    @Test
    void reratingReplacesTheDaysLinesExactly() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        jdbc.update("delete from usage_hour where container_id = 105");
        fleet.container(108, "late").onDemand(10).hours(DAY, 20, 24).insert();

        RatedDay rerated = rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.of(jdbc, DAY);
        assertThat(StoredLines.ofContainer(lines, 105)).as("lines of container 105, whose usage is gone").isEmpty();
        assertLine(lines, 108, "compute", 0, V2, "4", "0.060", "0.24");
        assertThat(lines).as("lines of %s after re-rating", DAY).hasSize(14 - 2 + 1);
        assertThat(rerated.lines()).as("line count the re-rating reports").isEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from charge_line_staged", Long.class))
                .as("staged lines left behind").isZero();
    }

    @Test
    void restartsAFailedRatingFromTheLinesItHadAlreadyStaged() throws Exception {
        // given: on the next day, seven good containers, and a database that refuses to stage container 206's lines
        LocalDate day = DAY.plusDays(1);
        for (long id = 201; id <= 207; id++) {
            fleet.container(id, "c" + id).onDemand(10).hours(day, 0, 24).insert();
        }
        jdbc.execute("alter table charge_line_staged add constraint refuses_container_206 check (container_id <> 206)");

        // when: the first run fails at the chunk of containers 205 and 206, after two chunks of two lines
        try {
            assertThatThrownBy(() -> rating.rate(FixtureFleet.TENANT, day)).isInstanceOf(RatingFailedException.class)
                    .hasMessageContaining("refuses_container_206");
        } finally {
            jdbc.execute("alter table charge_line_staged drop constraint refuses_container_206");
        }
        JobInstance instance = jobRepository.getLastJobInstance("ratingJob");
        StepExecution failed = step(jobRepository.getLastJobExecution(instance));
        assertThat(StoredLines.of(jdbc, day)).as("published lines of %s after the failure", day).isEmpty();

        // and: the database accepts them again, and the day is rated again
        RatedDay rated = rating.rate(FixtureFleet.TENANT, day);

        // then: the same job instance, resumed after the 4 staged lines, completes with all 7
        JobExecution restarted = jobRepository.getLastJobExecution(instance);
        assertThat(failed.getStatus()).as("first ratingStep").isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getWriteCount()).as("lines the failed run staged").isEqualTo(4);
        assertThat(restarted.getStatus()).as("restarted ratingJob").isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getId()).as("the restart's execution").isEqualTo(rated.runId());
        assertThat(step(restarted).getWriteCount()).as("lines the restart staged").isEqualTo(3);
        assertThat(rated.lines()).as("lines of %s", day).isEqualTo(7);
        assertThat(StoredLines.of(jdbc, day)).extracting(StoredLine::containerId).as("containers billed on %s", day)
                .containsExactly(201L, 202L, 203L, 204L, 205L, 206L, 207L);
    }

    private static StepExecution step(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ratingStep")).findFirst()
                .orElseThrow(() -> new AssertionError("no ratingStep in execution " + execution.getId()));
    }
}
