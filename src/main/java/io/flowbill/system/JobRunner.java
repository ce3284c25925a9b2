package io.flowbill.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The one launcher of flowbill's jobs: nothing else calls {@link JobOperator#start} ({@code JobLaunchingTest} scans
 * the classes for it). A run holds a PostgreSQL advisory lock ({@link AdvisoryLock}) on its business key (the
 * range or the day, e.g. {@code rating:default:2026-11-25}, {@code billing:default:2026-11-25}) across processes, waiting up
 * to {@code flowbill.jobs.lock-wait} for another holder. A job run inside another's step (the day's billing runs
 * metering and rating) takes its own key on a connection of its own, so it is excluded exactly as when run alone;
 * the outer keys ({@code billing:}) are never taken by a run inside a step, so no two runs wait on each other.
 * Holding the lock proves that no live process runs that work, so every execution of the job within the run's
 * scope still STARTED (or STOPPING) was left by a process that died, and one left UNKNOWN (or with a step STARTED or
 * UNKNOWN) by a run that lost its connections: either is marked FAILED and resumed ({@link StaleExecutions}).
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final JobLaunchProperties settings;
    private final StaleExecutions staleExecutions;

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource, JobLaunchProperties settings) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.settings = settings;
        this.staleExecutions = new StaleExecutions(jobRepository, dataSource, settings.lockWait());
    }

    /** Starts (or resumes) {@code job} with {@code parameters}, recovering stale executions of the same parameters. */
    public JobExecution run(Job job, String businessKey, JobParameters parameters) throws Exception {
        return run(job, businessKey, parameters, resumable -> parameters);
    }

    /**
     * Starts {@code job} under the lock of {@code businessKey}. Every execution of the job still running whose
     * identifying parameters include all of {@code scope}'s is recovered; {@code choice} then gets the identifying
     * parameters of the latest one recovered (or {@code null}) and returns what to start: those same parameters
     * resume the dead run where it stopped.
     *
     * @throws JobAlreadyRunningException when another process still holds the key after the lock wait
     */
    public JobExecution run(Job job, String businessKey, JobParameters scope, UnaryOperator<JobParameters> choice)
            throws Exception {
        AdvisoryLock lock = AdvisoryLock.on(dataSource, businessKey);
        try {
            await(lock);
            JobParameters chosen = choice.apply(recoverStale(job, scope));
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), chosen);
            if (last != null && last.getStatus() == BatchStatus.STOPPED) {
                log.info("{} execution {} was stopped; resuming", job.getName(), last.getId());
            }
            JobExecution execution = jobOperator.start(job, chosen);
            logFailures(execution);
            return execution;
        }
        finally {
            release(lock);
        }
    }

    /**
     * Runs {@code work} under the lock of {@code businessKey} (e.g. {@code billing:<tenant>:<day>} for {@code rate}),
     * waiting for another holder as a job run does; the jobs {@code work} runs take their own keys.
     *
     * @throws JobAlreadyRunningException when another process still holds the key after the lock wait
     */
    public <T> T underLock(String businessKey, Callable<T> work) throws Exception {
        AdvisoryLock lock = AdvisoryLock.on(dataSource, businessKey);
        try {
            await(lock);
            return work.call();
        }
        finally {
            release(lock);
        }
    }

    /** True when the job instance of these parameters has already completed. */
    public boolean completedBefore(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private JobParameters recoverStale(Job job, JobParameters scope) throws SQLException, InterruptedException {
        List<JobExecution> stale = staleExecutions.find(job.getName(),
                execution -> within(execution.getJobParameters(), scope));
        for (JobExecution execution : stale) {
            staleExecutions.markFailed(execution);
        }
        return stale.isEmpty() ? null : identifying(stale.get(stale.size() - 1).getJobParameters());
    }

    /**
     * Whether {@code candidate} has every identifying parameter of {@code scope}, with the same value and type
     * (Spring Batch's {@link JobParameter#equals} compares names alone).
     */
    static boolean within(JobParameters candidate, JobParameters scope) {
        for (JobParameter<?> wanted : scope.getIdentifyingParameters()) {
            JobParameter<?> found = candidate.getParameter(wanted.name());
            if (found == null || !found.identifying() || !found.type().equals(wanted.type())
                    || !Objects.equals(found.value(), wanted.value())) {
                return false;
            }
        }
        return true;
    }

    private static JobParameters identifying(JobParameters parameters) {
        return new JobParameters(parameters.getIdentifyingParameters());
    }

    private void logFailures(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            // a step's failure that is a job run of its own (the day's billing runs meteringJob) was logged by that run
            if (execution.getStatus() == BatchStatus.STOPPED || failure instanceof JobRunFailure
                    || Diagnosis.isExpected(failure)) {
                log.debug("{} execution {} failed", execution.getJobInstance().getJobName(), execution.getId(), failure);
            }
            else {
                log.error("{} execution {} failed", execution.getJobInstance().getJobName(), execution.getId(), failure);
            }
        }
    }

    private void await(AdvisoryLock lock) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(settings.lockWait());
        boolean told = false;
        while (!lock.tryLock()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new JobAlreadyRunningException(lock.key() + " is still being run by another process after"
                        + " waiting " + settings.lockWait().toSeconds() + " s (flowbill.jobs.lock-wait); run the same"
                        + " command again once that run has finished");
            }
            if (!told) {
                log.info("{} is being run by another process; waiting up to {} s for it to finish", lock.key(),
                        settings.lockWait().toSeconds());
                told = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Releases the lock; a lost connection has released it already, and must not hide the run's own failure. */
    private static void release(AdvisoryLock lock) {
        try {
            lock.close();
        }
        catch (SQLException e) {
            log.debug("could not release the lock {}: {}; the lost connection released it", lock.key(), e.getMessage());
        }
    }
}
