package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.StoredLines.StoredLine;
import io.flowbill.system.IntegrationTest;

/** ratingJob with three partitions of containers: every container rated once, a failed partition restarted alone. */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoicing.chunk-size=2", "flowbill.invoicing.partitions=3" })
class RatingPartitionsIT {

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
    void ratesEveryContainerOnceAcrossThePartitions() throws Exception {
        // given: 6 more containers of the inventory, and one with usage the inventory never listed
        for (long id = 301; id <= 306; id++) {
            fleet.container(id, "c" + id).onDemand(10).insert();
        }
        fleet.container(1, "unlisted").onDemand(10).insert();
        jdbc.update("delete from container where container_id = 1");

        RatedDay rated = rating.rate(FixtureFleet.TENANT, DAY);

        List<StoredLine> lines = StoredLines.of(jdbc, DAY);
        // the fixture day's 14 lines, plus 2 compute lines (one per version) for each of the 7 containers
        assertThat(lines).extracting(StoredLine::containerId).as("containers billed on %s", DAY)
                .containsOnly(1L, 101L, 102L, 103L, 105L, 301L, 302L, 303L, 304L, 305L, 306L);
        assertThat(rated.lines()).as("lines of %s", DAY).isEqualTo(14 + 7 * 2);
        assertThat(partitions(jobRepository.getLastJobExecution(jobRepository.getLastJobInstance("ratingJob"))))
                .as("partitions of ratingStep").hasSize(3)
                .allSatisfy(partition -> assertThat(partition.getStatus()).isEqualTo(BatchStatus.COMPLETED));
    }

    @Test
    void restartsOnlyThePartitionThatFailed() throws Exception {
        // given: on the next day, 9 containers, and a database that refuses to stage container 208's lines
        LocalDate day = DAY.plusDays(1);
        for (long id = 201; id <= 209; id++) {
            fleet.container(id, "c" + id).onDemand(10).hours(day, 0, 24).insert();
        }
        jdbc.execute("alter table charge_line_staged add constraint refuses_container_208 check (container_id <> 208)");
        try {
            assertThatThrownBy(() -> rating.rate(FixtureFleet.TENANT, day)).isInstanceOf(RatingFailedException.class)
                    .hasMessageContaining("refuses_container_208");
        } finally {
            jdbc.execute("alter table charge_line_staged drop constraint refuses_container_208");
        }
        JobExecution failed = jobRepository.getLastJobExecution(jobRepository.getLastJobInstance("ratingJob"));
        long failedPartitions = partitions(failed).stream().filter(p -> p.getStatus() == BatchStatus.FAILED).count();

        rating.rate(FixtureFleet.TENANT, day);

        JobExecution restarted = jobRepository.getLastJobExecution(jobRepository.getLastJobInstance("ratingJob"));
        assertThat(failedPartitions).as("partitions that failed").isEqualTo(1);
        assertThat(partitions(restarted)).as("partitions the restart ran").hasSize(1);
        assertThat(StoredLines.of(jdbc, day)).extracting(StoredLine::containerId).as("containers billed on %s", day)
                .containsExactly(201L, 202L, 203L, 204L, 205L, 206L, 207L, 208L, 209L);
    }

    @Test
    void splitsTheContainersSeenOnTheDayNotTheWholeInventory() {
        // given: the fixture's 5 containers of DAY, 4 more, and 300 the inventory saw only a month later
        for (long id = 301; id <= 304; id++) {
            fleet.container(id, "c" + id).onDemand(10).insert();
        }
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select 'acme', 1000 + i, 'later', now(), now() + interval '30 days', now() + interval '30 days'
                  from generate_series(1, 300) i
                """);
        Instant start = DAY.atStartOfDay(FixtureFleet.ZONE).toInstant();

        List<ContainerRange> ranges = new ContainerRanges(jdbc, FixtureFleet.TENANT, start, start.plusSeconds(86_400)).ranges(3);

        // then: 9 containers in 3 ranges of 3, the later ones all after the last start (in the open last range)
        assertThat(ranges).extracting(ContainerRange::fromContainer).containsExactly(null, 104L, 302L);
        assertThat(ranges.get(2).toContainer()).as("end of the last range").isNull();
    }

    private static List<StepExecution> partitions(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith("ratingPartitionStep")).toList();
    }
}
