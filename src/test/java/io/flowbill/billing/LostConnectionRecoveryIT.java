package io.flowbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.TableSnapshot;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.system.IntegrationTest;
import io.flowbill.system.JobAlreadyRunningException;

/**
 * A day's billing after its connections were lost (issue 22): the execution a lost connection leaves UNKNOWN (or
 * with a partition STARTED) is recovered like a killed one and resumed; a rating that lost its staged work never
 * publishes the day with 0 charge lines; {@code rate} holds the day's billing lock and refuses a day whose metering
 * has not completed. The demo (built-in sandbox of 20 containers, tenant demo), 5 containers per rating chunk; each
 * test bills a day of its own.
 */
@IntegrationTest(properties = { "flowbill.demo=true", "flowbill.sandbox.containers=20", "flowbill.sandbox.seed=7",
        "flowbill.jobs.lock-wait=1s", "flowbill.invoicing.chunk-size=5", "flowbill.invoicing.partitions=1" })
class LostConnectionRecoveryIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    BillingService billing;

    @Autowired
    MeteringService metering;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aRatingLeftUnknownByLostConnectionsIsResumedByTheNextRunAndEndsAsAFullBilling() throws Exception {
        // given: the rating of the day fails at its last container, its earlier chunks committed ...
        LocalDate day = LocalDate.parse("2026-11-20");
        try (Failing insert = Failing.lastContainerOf(dataSource, "charge_line_staged")) {
            assertThatThrownBy(() -> billing.nightly("demo", day)).as("billing %s failing at its last container", day)
                    .hasMessageContaining("rating " + day + " of tenant demo");
        }
        // ... and the job repository as lost connections leave it: a failure that could not be recorded
        long rating = last("ratingJob");
        long dayBilling = last("dayBillingJob");
        leftAsByLostConnections(rating, dayBilling);

        // when
        billing.nightly("demo", day);

        // then
        assertThat(executions("ratingJob", day)).as("ratingJob executions: the UNKNOWN one recovered, then resumed")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(executions("dayBillingJob", day)).as("dayBillingJob executions").containsExactly("FAILED", "COMPLETED");
        assertThat(instanceOf(last("ratingJob"))).as("the resumed rating's job instance").isEqualTo(instanceOf(rating));
        assertThat(steps(last("ratingJob"))).as("steps of the resumed rating: the partition restarted alone")
                .containsExactly("ratingStep COMPLETED", "ratingPartitionStep:containers0 COMPLETED",
                        "ratingPublishStep COMPLETED");
        assertThat(lines(day)).as("charge lines of %s", day).isPositive();

        // and: billing the whole day again from the start changes no row and no file
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        Map<Path, String> files = files();
        billing.nightly("demo", day);
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after billing %s again from the start", day)
                .isEqualTo(rows);
        assertThat(files()).as("export files after billing %s again from the start", day).isEqualTo(files);
    }

    @Test
    void aRatingThatLostItsStagedRowsPublishesNothingAndTheNextRunRatesTheDayFromTheStart() throws Exception {
        // given: the rating of the day fails as it publishes, then its staged rows are gone
        LocalDate day = LocalDate.parse("2026-11-21");
        try (Failing insert = Failing.everyRow(dataSource, "rated_day")) {
            assertThatThrownBy(() -> billing.nightly("demo", day)).as("billing %s failing as it publishes", day)
                    .hasMessageContaining("rated_day refused");
        }
        long staged = jdbc.queryForObject("select count(*) from charge_line_staged where charge_date = ?", Long.class,
                day);
        jdbc.update("delete from charge_line_staged where charge_date = ?", day);
        jdbc.update("delete from package_day_staged where charge_date = ?", day);
        jdbc.update("delete from unrateable_day_staged where charge_date = ?", day);

        long billable = jdbc.queryForObject("select count(*) from usage_hour where billable and active_seconds > 0"
                + " and window_start >= ? and window_start < ?", Long.class,
                java.sql.Timestamp.from(billing.rangeOf(day).from()), java.sql.Timestamp.from(billing.rangeOf(day).to()));

        // when: the run resumes at the publish step with nothing staged
        assertThatThrownBy(() -> billing.nightly("demo", day)).as("resuming the publish of %s with nothing staged", day)
                .hasMessageContaining("rating " + day + " of tenant demo staged no charge line although the day has "
                        + billable + " billable usage hours; nothing was published");

        // then: the day is not billed 0.00, and the next run rates it from the start
        assertThat(staged).as("charge lines staged before they were lost").isPositive();
        assertThat(billable).as("billable usage hours of %s", day).isPositive();
        assertThat(lines(day)).as("charge lines of %s published by the run that found nothing staged", day).isZero();
        assertThat(executions("ratingJob", day)).as("ratingJob executions of %s: the one that found nothing staged", day)
                .containsExactly("FAILED", "ABANDONED");
        billing.nightly("demo", day);
        assertThat(lines(day)).as("charge lines of %s after the next run", day).isEqualTo(staged);
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        billing.nightly("demo", day);
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after billing %s again from the start", day)
                .isEqualTo(rows);
    }

    @Test
    void rateWaitsForTheDaysBillingLockAndThenRefusesInOneLine() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-22");
        billing.nightly("demo", day);
        long ratings = executions("ratingJob", day).size();
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            // given: a nightly of the day runs elsewhere
            statement.execute("select pg_advisory_lock(hashtextextended('billing:demo:" + day + "', 0))");

            assertThatThrownBy(() -> billing.rate("demo", day)).as("rate %s while billing:demo:%s is held", day, day)
                    .isInstanceOf(JobAlreadyRunningException.class)
                    .hasMessage("billing:demo:" + day + " is still being run by another process after waiting 1 s"
                            + " (flowbill.jobs.lock-wait); run the same command again once that run has finished");
        }
        assertThat(executions("ratingJob", day)).as("ratingJob executions started while the day was billed elsewhere")
                .hasSize((int) ratings);
        assertThat(billing.rate("demo", day).rated().lines()).as("charge lines once the lock is free").isPositive();
    }

    @Test
    void rateRefusesADayWhoseMeteringHasNotCompleted() throws Exception {
        // given: half of the day metered (a nightly still metering, or one that died metering)
        LocalDate day = LocalDate.parse("2026-11-23");
        MeteringRange whole = billing.rangeOf(day);
        metering.meter("demo", new MeteringRange(whole.from(), whole.from().plus(java.time.Duration.ofHours(12))),
                false);
        long ratings = executions("ratingJob", day).size();

        assertThatThrownBy(() -> billing.rate("demo", day)).as("rate %s with 12 of its hours metered", day)
                .isInstanceOf(DayNotMeteredException.class)
                .hasMessage("rate " + day + " of tenant demo refused: the day's metering has not completed (12 of 24"
                        + " hours metered); nothing was rated. Run nightly --date " + day + " (it meters and bills the"
                        + " day), or rate it once its metering has finished");
        assertThat(executions("ratingJob", day)).as("ratingJob executions").hasSize((int) ratings);
        assertThat(lines(day)).as("charge lines of the half-metered %s", day).isZero();
    }

    /** What a run whose connections were lost while it recorded its failure leaves in the job repository. */
    private void leftAsByLostConnections(long rating, long dayBilling) {
        jdbc.update("update batch_job_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN' where job_execution_id in (?, ?)",
                rating, dayBilling);
        jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null"
                + " where job_execution_id = ? and step_name like 'ratingPartitionStep:%'", rating);
        jdbc.update("update batch_step_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                + " where job_execution_id = ? and step_name = 'ratingStep'", rating);
        jdbc.update("update batch_step_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                + " where job_execution_id = ? and step_name = 'dayRatingStep'", dayBilling);
    }

    private long lines(LocalDate day) {
        return jdbc.queryForObject("select count(*) from charge_line where charge_date = ?", Long.class, day);
    }

    private long last(String job) {
        return jdbc.queryForObject("""
                select max(e.job_execution_id) from batch_job_execution e
                  join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = ?
                """, Long.class, job);
    }

    /** Statuses of the job's executions of the day, oldest first. */
    private List<String> executions(String job, LocalDate day) {
        return jdbc.queryForList("""
                select e.status from batch_job_execution e
                  join batch_job_instance i on i.job_instance_id = e.job_instance_id
                  join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                 where i.job_name = ? and p.parameter_name = 'date' and p.parameter_value = ?
                 order by e.job_execution_id
                """, String.class, job, day.toString());
    }

    private long instanceOf(long execution) {
        return jdbc.queryForObject("select job_instance_id from batch_job_execution where job_execution_id = ?",
                Long.class, execution);
    }

    private List<String> steps(long execution) {
        return jdbc.queryForList("""
                select step_name || ' ' || status from batch_step_execution where job_execution_id = ?
                 order by step_execution_id
                """, String.class, execution);
    }

    private static Map<Path, String> files() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(exportDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(exportDir.relativize(file), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
