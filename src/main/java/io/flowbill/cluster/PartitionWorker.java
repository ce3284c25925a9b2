package io.flowbill.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.BeansException;
import org.springframework.dao.EmptyResultDataAccessException;

import io.flowbill.system.AdvisoryLock;

/**
 * Runs one partition request on a worker: finds the worker step by bean name and executes the partition's step
 * execution from the job repository, recording its outcome there (the manager polls for it), as Spring Batch's
 * {@code StepExecutionRequestHandler} does, but keeping the running step executions so that {@link #stopAll} can
 * ask them to stop at their next chunk boundary (a graceful stop, {@link WorkerShutdown}): such a partition ends
 * STOPPED, its reader's position committed, and its manager sends it again ({@link RemotePartitionHandler}). The
 * request's message is acknowledged when this returns, so a worker that dies mid-partition leaves it
 * unacknowledged and RabbitMQ gives it to another worker.
 * <p>
 * A partition left STARTED by a dead worker, or STOPPED by a stopped one, is run again, resuming after its last
 * committed chunk (the readers' saved counts). A message that comes again after its partition finished (the worker
 * died before its acknowledgement) or after its job was recovered and restarted with new partitions must not run it
 * again. So this first takes the advisory lock {@code partition:<id>} (held by the worker running it; a dead
 * worker's session releases it), then runs the partition only while it may still run: STARTING or STARTED (or
 * STOPPED by a worker) while its job runs and is not being stopped, and otherwise acknowledges the request without
 * running anything. A request naming a step or step execution this worker does not know fails
 * ({@link UnknownPartitionException}): {@link PartitionRequestListener} gives it back until its delivery limit, then
 * dead-letters it.
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final StepLocator steps;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final Duration lockPoll;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    PartitionWorker(StepLocator steps, JobRepository jobRepository, DataSource dataSource, Duration lockPoll) {
        this.steps = steps;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.lockPoll = lockPoll;
    }

    /**
     * Runs the partition of {@code request} unless it has ended; returns when it has.
     *
     * @throws UnknownPartitionException when the request names a step or step execution this worker does not know
     */
    public void run(StepExecutionRequest request) throws SQLException, InterruptedException {
        Step step;
        try {
            step = steps.getStep(request.getStepName());
        }
        catch (BeansException e) {
            throw new UnknownPartitionException("names step '" + request.getStepName() + "', which this worker does"
                    + " not have (a manager of another flowbill version?)");
        }
        try (AdvisoryLock lock = AdvisoryLock.on(dataSource, AdvisoryLock.partitionKey(request.getStepExecutionId()))) {
            while (!lock.tryLock()) {
                Thread.sleep(lockPoll.toMillis());
            }
            StepExecution partition = find(request.getStepExecutionId());
            if (partition == null) {
                throw new UnknownPartitionException("names step execution " + request.getStepExecutionId() + " of "
                        + request.getStepName() + ", which does not exist in this job repository (is this worker on"
                        + " the manager's database?)");
            }
            String which = partition.getStepName() + " (step execution " + partition.getId() + " of "
                    + partition.getJobExecution().getJobInstance().getJobName() + " execution "
                    + partition.getJobExecutionId() + ")";
            if (!mayRun(partition)) {
                log.info("Partition {} skipped: it is {} and its job {}", which, partition.getStatus(),
                        partition.getJobExecution().getStatus());
                return;
            }
            log.info("Partition {} started{}", which, partition.getStatus() == BatchStatus.STARTING ? ""
                    : " again (a worker that ran it stopped)");
            long started = System.nanoTime();
            execute(step, partition);
            log.info("Partition {} ended {} in {} ms{}", which, partition.getStatus(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    partition.getStatus() == BatchStatus.STOPPED ? " (this worker is stopping; its manager sends it"
                            + " again)" : "");
        }
    }

    /**
     * Asks every partition running here to stop at its next chunk boundary, and any that starts from now on to stop
     * before its first; answers how many were running.
     */
    int stopAll() {
        stopping = true;
        running.forEach(StepExecution::setTerminateOnly);
        return running.size();
    }

    /** The partitions running now. */
    int running() {
        return running.size();
    }

    /** The step execution, or null: Spring Batch 6's JDBC repository throws where the interface says null. */
    private StepExecution find(long id) {
        try {
            return jobRepository.getStepExecution(id);
        }
        catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private static boolean mayRun(StepExecution partition) {
        BatchStatus job = partition.getJobExecution().getStatus();
        boolean jobRuns = job == BatchStatus.STARTING || job == BatchStatus.STARTED;
        BatchStatus status = partition.getStatus();
        return jobRuns && (status.isRunning() || status == BatchStatus.STOPPED);
    }

    private void execute(Step step, StepExecution partition) {
        if (partition.getStatus() == BatchStatus.STOPPED) {
            // resumed like a restart: the STOPPED exit status would otherwise outrank COMPLETED
            partition.setExitStatus(ExitStatus.EXECUTING);
        }
        running.add(partition);
        try {
            if (stopping) {
                partition.setTerminateOnly();
            }
            step.execute(partition);
        }
        catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
        }
        catch (Throwable e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
        }
        finally {
            running.remove(partition);
        }
    }
}
