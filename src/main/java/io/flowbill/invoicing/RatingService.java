package io.flowbill.invoicing;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Rates one day of stored usage with {@code ratingJob}. The first rating of a day has the parameter {@code date}
 * alone, so a failed first rating is restarted by the next call; rating a day that was rated before adds
 * {@code rerate}, a new instance that replaces the day's lines (and writes nothing when they are the same).
 */
@Service
public class RatingService {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ratingJob;
    private final ChargeLineStore store;

    RatingService(JobOperator jobOperator, JobRepository jobRepository, Job ratingJob, ChargeLineStore store) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ratingJob = ratingJob;
        this.store = store;
    }

    public RatedDay rate(LocalDate date) throws Exception {
        JobParameters first = new JobParametersBuilder()
                .addString(RatingJobConfiguration.DATE, date.toString(), true)
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(ratingJob.getName(), first);
        JobParameters parameters = first;
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            // wall time names the re-rating, not the billing clock: re-ratings under a fixed clock stay distinct
            parameters = new JobParametersBuilder(first)
                    .addString(RatingJobConfiguration.RERATE, Instant.now().toString(), true)
                    .toJobParameters();
        }
        JobExecution execution = jobOperator.start(ratingJob, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new RatingFailedException(date, execution);
        }
        return store.ratedDay(date, execution.getId());
    }
}
