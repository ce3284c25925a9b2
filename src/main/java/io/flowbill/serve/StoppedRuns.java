package io.flowbill.serve;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

import io.flowbill.metering.MeteringRange;

/**
 * Metering runs that a shutdown stopped at a chunk boundary: on start the scheduler meters their ranges again,
 * which restarts the same job instances (JobRunner resumes a STOPPED execution) instead of leaving them behind.
 */
class StoppedRuns {

    /** The latest instances looked at: a stopped run is at most a few ticks old. */
    private static final int RECENT = 50;

    private final JobRepository jobRepository;

    StoppedRuns(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** Ranges of recent plain metering runs (no refresh, no retry) whose last execution is STOPPED, oldest first. */
    List<MeteringRange> metering() {
        List<MeteringRange> ranges = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances("meteringJob", 0, RECENT)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null || last.getStatus() != BatchStatus.STOPPED) {
                continue;
            }
            // the meteringJob's parameter names (MeteringJobConfiguration): from, to; refresh and retry mark other requests
            JobParameters parameters = last.getJobParameters();
            if (parameters.getString("refresh") == null && parameters.getString("retry") == null) {
                ranges.add(0, MeteringRange.parse(parameters.getString("from"), parameters.getString("to")));
            }
        }
        return ranges;
    }
}
