package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.StoredLines.StoredLine;
import io.flowbill.system.IntegrationTest;

/**
 * A tenant's day split by its size ({@code flowbill.invoicing.containers-per-partition} 4: 12 containers make 3
 * partitions, run one at a time) is billed exactly as the same day in one partition: every charge line, package day,
 * month-level line and the invoice.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT, "flowbill.invoicing.chunk-size=2",
    "flowbill.invoicing.partitions=1", "flowbill.invoicing.containers-per-partition=4" })
class RatingPartitionsBySizeIT {

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepository jobRepository;

    @Test
    void aDayInThreePartitionsBySizeIsBilledAsInOnePartition() throws Exception {
        // given: the fixture day's 5 containers and 7 more, 12 in the inventory of the day
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        for (long id = 301; id <= 306; id++) {
            fleet.container(id, "c" + id).onDemand(10).insert();
        }
        fleet.container(307, "p307").packaged(10).traffic("300").insert();

        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState split = invoices.refreshFor(FixtureFleet.TENANT, DAY);
        List<StoredLine> splitLines = StoredLines.of(jdbc, DAY);
        List<String> splitRest = billRows();
        int splitPartitions = lastRatingPartitions();

        // when: the inventory no longer knows the day's containers (one open range), and the day is rated again
        jdbc.update("update container set first_seen_at = now() + interval '400 days' where tenant_id = ?",
                FixtureFleet.TENANT);
        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState whole = invoices.refreshFor(FixtureFleet.TENANT, DAY);

        assertThat(splitPartitions).as("partitions of 12 containers at 4 a partition").isEqualTo(3);
        assertThat(lastRatingPartitions()).as("partitions of the day rated again").isEqualTo(1);
        assertThat(StoredLines.of(jdbc, DAY)).as("charge lines of %s in one partition", DAY).isEqualTo(splitLines)
                .hasSizeGreaterThan(12);
        assertThat(billRows()).as("package days, month lines and invoice lines in one partition").isEqualTo(splitRest);
        assertThat(whole.total()).as("invoice total").isEqualByComparingTo(split.total());
        assertThat(whole.lines()).as("invoice lines").isEqualTo(split.lines());
    }

    private int lastRatingPartitions() {
        JobExecution last = jobRepository.getLastJobExecution(jobRepository.getLastJobInstance("ratingJob"));
        List<StepExecution> partitions = last.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith("ratingPartitionStep")).toList();
        assertThat(partitions).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        return partitions.size();
    }

    /** The day's package days, the month's lines and the invoice's lines, as text. */
    private List<String> billRows() {
        return jdbc.queryForList("""
                select 'package_day ' || (to_jsonb(p) - 'run_id')::text from package_day p where tenant_id = ?
                union all
                select 'month_charge_line ' || (to_jsonb(m) - 'run_id' - 'id' - 'created_at' - 'rated_at')::text
                  from month_charge_line m where tenant_id = ?
                union all
                select 'invoice_line ' || (to_jsonb(l) - 'invoice_id')::text
                  from invoice_line l join invoice i on i.id = l.invoice_id where i.tenant_id = ?
                order by 1
                """, String.class, FixtureFleet.TENANT, FixtureFleet.TENANT, FixtureFleet.TENANT);
    }
}
