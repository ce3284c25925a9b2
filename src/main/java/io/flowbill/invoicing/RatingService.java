package io.flowbill.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.system.JobRunner;

/**
 * Rates one tenant's day of stored usage with {@code ratingJob}, through {@link JobRunner} under the lock
 * {@code rating:<tenant>:<day>}: two ratings of a tenant's day never overlap, and tenants rate side by side. The first
 * rating of a day has the parameters {@code tenant} and {@code date} alone, so a failed first rating is restarted by the next call; rating a day that was rated before adds
 * {@code rerate}, a new instance that replaces the day's lines (and writes nothing when they are the same). A rating
 * of the day left running by a process that died (first or re-rating) is marked FAILED and resumed, never left
 * behind a new instance. A rating that staged nothing for a day with usage ({@link EmptyRatingException}) publishes
 * nothing and is ABANDONED, so the next call rates the day from the start as a new instance.
 */
@Service
public class RatingService {

    private final JobRunner jobRunner;
    private final JobRepository jobRepository;
    private final Job ratingJob;
    private final ChargeLineStore store;
    private final MonthSums sums;
    private final TransactionTemplate transaction;

    RatingService(JobRunner jobRunner, JobRepository jobRepository, Job ratingJob, ChargeLineStore store,
            MonthSums sums, PlatformTransactionManager transactionManager) {
        this.sums = sums;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jobRunner = jobRunner;
        this.jobRepository = jobRepository;
        this.ratingJob = ratingJob;
        this.store = store;
    }

    /** Rates {@code tenant}'s {@code date}; other tenants' rows of the day are not touched. */
    public RatedDay rate(String tenant, LocalDate date) throws Exception {
        JobParameters first = new JobParametersBuilder()
                .addString(RatingJobConfiguration.TENANT, tenant, true)
                .addLocalDate(RatingJobConfiguration.DATE, date, true)
                .toJobParameters();
        JobExecution execution = jobRunner.run(ratingJob, "rating:" + tenant + ":" + date, first,
                resumable -> resumable != null ? resumable : firstOrRerate(first));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            if (stagedNothing(execution)) {
                execution.setStatus(BatchStatus.ABANDONED);
                jobRepository.update(execution);
            }
            throw new RatingFailedException(tenant, date, execution);
        }
        return store.ratedDay(tenant, date, execution.getId());
    }

    /**
     * Forgets {@code tenant}'s rated {@code date} as if it had never been rated: its charge lines and package days
     * leave the month's running sums and are deleted, in one transaction (the bench rates its day again from
     * nothing).
     */
    public void withdraw(String tenant, LocalDate date) {
        transaction.executeWithoutResult(status -> {
            sums.withdraw(tenant, date);
            sums.changed(tenant);
        });
    }

    /**
     * Sums {@code tenant}'s {@code month} again from its daily rows in one transaction ({@link MonthSums#rebuild}):
     * for daily rows written around the publish, such as the bench's history copied from one rated day.
     */
    public void sumMonthAgain(String tenant, YearMonth month) {
        transaction.executeWithoutResult(status -> sums.rebuild(tenant, month));
    }

    private JobParameters firstOrRerate(JobParameters first) {
        JobExecution last = jobRepository.getLastJobExecution(ratingJob.getName(), first);
        if (last == null || (last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED)) {
            return first;
        }
        // an abandoned first rating is rated again as a new instance too
        // wall time names the re-rating, not the billing clock: re-ratings under a fixed clock stay distinct
        return new JobParametersBuilder(first)
                .addString(RatingJobConfiguration.RERATE, Instant.now().toString(), true)
                .toJobParameters();
    }

    private static boolean stagedNothing(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof EmptyRatingException) {
                    return true;
                }
            }
        }
        return false;
    }
}
