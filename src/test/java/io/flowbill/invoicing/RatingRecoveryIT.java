package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;
import io.flowbill.system.JobAlreadyRunningException;
import io.flowbill.system.Patience;

/**
 * A rating left STARTED by a process that died (kill -9) no longer blocks its day: the next rating of the day
 * marks it FAILED and resumes it; and two ratings of one day never overlap (the second waits for the first).
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT, "flowbill.jobs.lock-wait=2s" })
class RatingRecoveryIT {

    @Autowired
    RatingService rating;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void fixtureDay() {
        new FixtureFleet(jdbc).clear().insertDay();
        jdbc.update("update batch_job_execution set status = 'ABANDONED' where status in ('STARTED', 'STARTING')");
    }

    @Test
    void aFirstRatingLeftStartedByADeadProcessIsMarkedFailedAndResumed() throws Exception {
        JobParameters first = new JobParametersBuilder()
                .addString(RatingJobConfiguration.TENANT, FixtureFleet.TENANT, true).addLocalDate(RatingJobConfiguration.DATE, java.time.LocalDate.parse("2026-11-24"), true)
                .toJobParameters();
        JobExecution dead = leftStarted(first);

        RatedDay rated = rating.rate(FixtureFleet.TENANT, java.time.LocalDate.parse("2026-11-24"));

        assertThat(statusOf(dead.getId())).as("the dead process's execution").isEqualTo("FAILED");
        assertThat(executionsOf(first)).as("executions of the day's first rating: the dead one, then its resumption")
                .extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(rated.runId()).as("the run that rated the day resumed the first rating's instance")
                .isEqualTo(executionsOf(first).get(1).getId());
        assertThat(running()).as("executions still running").isZero();
    }

    @Test
    void aReRatingLeftStartedIsResumedInsteadOfStartingAnotherInstance() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        JobParameters rerate = new JobParametersBuilder()
                .addString(RatingJobConfiguration.TENANT, FixtureFleet.TENANT, true)
                .addLocalDate(RatingJobConfiguration.DATE, DAY, true)
                .addString(RatingJobConfiguration.RERATE, "2026-11-26T01:00:00Z", true).toJobParameters();
        JobExecution dead = leftStarted(rerate);
        long instancesBefore = instances();

        RatedDay rated = rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(statusOf(dead.getId())).isEqualTo("FAILED");
        assertThat(instances()).as("job instances: the dead re-rating is resumed, no new one").isEqualTo(instancesBefore);
        assertThat(jobRepository.getJobExecution(rated.runId()).getJobParameters()).as("parameters of the run")
                .isEqualTo(rerate);
        assertThat(running()).as("executions still running").isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSecondRatingOfTheSameDayWaitsForTheFirstAndSaysSoWhenItGivesUp(CapturedOutput output) throws Exception {
        try (Connection other = dataSource.getConnection(); Statement lock = other.createStatement()) {
            lock.execute("select pg_advisory_lock(hashtextextended('rating:acme:" + DAY + "', 0))");

            assertThatThrownBy(() -> rating.rate(FixtureFleet.TENANT, DAY)).isInstanceOf(JobAlreadyRunningException.class)
                    .hasMessageContaining("rating:acme:" + DAY + " is still being run by another process after waiting 2 s")
                    .hasMessageContaining("flowbill.jobs.lock-wait");

            CompletableFuture<RatedDay> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return rating.rate(FixtureFleet.TENANT, DAY);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // not a sleep: the second rating says it waits (the first attempt above gave up and said so too)
            String waits = "rating:acme:" + DAY + " is being run by another process; waiting up to";
            await().atMost(Patience.seconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> output.getOut().split(Pattern.quote(waits), -1).length - 1 >= 2);
            assertThat(waiting).as("the second rating waits while the first holds the day").isNotDone();
            lock.execute("select pg_advisory_unlock(hashtextextended('rating:acme:" + DAY + "', 0))");
            assertThat(waiting.get(Patience.seconds(60).toMillis(), TimeUnit.MILLISECONDS).lines()).as("lines once the first has finished").isPositive();
        }
    }

    /** What a process killed during rating leaves in the job repository. */
    private JobExecution leftStarted(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance("ratingJob", parameters);
        if (instance == null) {
            instance = jobRepository.createJobInstance("ratingJob", parameters);
        }
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minus(Duration.ofMinutes(5)));
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        return execution;
    }

    private List<JobExecution> executionsOf(JobParameters parameters) {
        return jobRepository.getJobExecutions(jobRepository.getJobInstance("ratingJob", parameters)).stream()
                .sorted(java.util.Comparator.comparing(JobExecution::getId)).toList();
    }

    private String statusOf(long executionId) {
        return jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?", String.class,
                executionId);
    }

    private long running() {
        return jdbc.queryForObject("select count(*) from batch_job_execution where status in ('STARTED', 'STARTING')",
                Long.class);
    }

    private long instances() {
        return jdbc.queryForObject("select count(*) from batch_job_instance where job_name = 'ratingJob'", Long.class);
    }

}
