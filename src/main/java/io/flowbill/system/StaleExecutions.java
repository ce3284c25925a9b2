package io.flowbill.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executions of a job that no live process runs any more but that the job repository does not show as ended:
 * left STARTED (or STOPPING) by a process that died, or UNKNOWN (or with a step STARTED or UNKNOWN) by a run whose
 * connections were lost while it recorded a failure. Spring Batch refuses to restart either ("A job execution for
 * this job is already running", "Cannot restart job from UNKNOWN status"). Only {@link JobRunner} calls this, under
 * the business key's lock, which proves that no live process runs them. In flowbill a step's work and its record in
 * the job repository commit in one transaction on one database, so an execution whose record was lost with its
 * connection is in the same state as one whose process was killed: the last committed chunk is what it did. Each is
 * marked FAILED (its unfinished steps too), so the next start resumes it like a killed run.
 */
final class StaleExecutions {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

    /** Executions of a job, or with a step, still running or UNKNOWN; a COMPLETED or ABANDONED execution stays. */
    private static final String CANDIDATES = """
            select e.job_execution_id from batch_job_execution e
              join batch_job_instance i on i.job_instance_id = e.job_instance_id
             where i.job_name = ? and e.status not in ('COMPLETED', 'ABANDONED')
               and (e.status in ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')
                    or e.job_execution_id in (select s.job_execution_id from batch_step_execution s
                                               where s.status in ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')))
             order by e.job_execution_id
            """;

    private static final Duration POLL = Duration.ofMillis(250);

    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Duration lockWait;

    StaleExecutions(JobRepository jobRepository, DataSource dataSource, Duration lockWait) {
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.lockWait = lockWait;
    }

    /** The stale executions of {@code jobName} that {@code inScope} accepts, oldest first. */
    List<JobExecution> find(String jobName, Predicate<JobExecution> inScope) {
        return jdbc.queryForList(CANDIDATES, Long.class, jobName).stream()
                .map(jobRepository::getJobExecution)
                .filter(Objects::nonNull)
                .filter(inScope)
                .sorted(Comparator.comparing(JobExecution::getId))
                .toList();
    }

    /**
     * Marks the execution and its unfinished steps FAILED, so that its job instance can be restarted. A step is
     * marked under its partition lock ({@link AdvisoryLock#partitionKey}): a worker still running a partition of a
     * manager that stopped or gave up holds it, and is waited for up to {@code flowbill.jobs.lock-wait}; a worker
     * that takes the partition's request afterwards finds it FAILED and skips it.
     */
    void markFailed(JobExecution execution) throws SQLException, InterruptedException {
        log.warn("{} execution {} ({}) was left {} by a process that stopped or lost its connections; marking it"
                + " FAILED and resuming", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getJobParameters().getIdentifyingParameters().stream().map(JobParameter::name).toList(),
                describe(execution));
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (unfinished(step.getStatus())) {
                markFailed(step, now);
            }
        }
        if (unfinished(execution.getStatus())) {
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("recovered from " + execution.getStatus()));
            execution.setStatus(BatchStatus.FAILED);
            if (execution.getEndTime() == null) {
                execution.setEndTime(now);
            }
            jobRepository.update(execution);
        }
    }

    private void markFailed(StepExecution stale, LocalDateTime now) throws SQLException, InterruptedException {
        try (AdvisoryLock lock = AdvisoryLock.on(dataSource, AdvisoryLock.partitionKey(stale.getId()))) {
            Instant deadline = Instant.now().plus(lockWait);
            while (!lock.tryLock()) {
                if (!Instant.now().isBefore(deadline)) {
                    throw new JobAlreadyRunningException(stale.getStepName() + " (step execution " + stale.getId()
                            + ") is still being run by a worker after waiting " + lockWait.toSeconds() + " s"
                            + " (flowbill.jobs.lock-wait); run the same command again once it has finished");
                }
                Thread.sleep(POLL.toMillis());
            }
            StepExecution step = jobRepository.getStepExecution(stale.getId());
            if (step == null || !unfinished(step.getStatus())) {
                return; // a worker ended it while this waited
            }
            step.setExitStatus(ExitStatus.FAILED.addExitDescription("recovered from " + step.getStatus()));
            step.setStatus(BatchStatus.FAILED);
            step.setEndTime(now);
            jobRepository.update(step);
        }
    }

    private static boolean unfinished(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }

    /** E.g. {@code UNKNOWN} or {@code FAILED with ratingPartitionStep:containers0 STARTED}. */
    private static String describe(JobExecution execution) {
        List<String> steps = execution.getStepExecutions().stream().filter(step -> unfinished(step.getStatus()))
                .map(step -> step.getStepName() + " " + step.getStatus()).toList();
        return execution.getStatus() + (steps.isEmpty() ? "" : " with " + String.join(", ", steps));
    }
}
