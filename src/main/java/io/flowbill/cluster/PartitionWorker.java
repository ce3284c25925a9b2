package io.flowbill.cluster;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.BeansException;

import io.flowbill.system.AdvisoryLock;

/**
 * Runs one partition request on a worker with Spring Batch's {@link StepExecutionRequestHandler}, which finds the
 * worker step by bean name and executes the partition's step execution from the job repository, recording its
 * outcome there (the manager polls for it). The request's message is acknowledged when this returns, so a worker
 * that dies mid-partition leaves it unacknowledged and RabbitMQ gives it to another worker.
 * <p>
 * Spring Batch 6's handler runs whatever step execution it is given, whatever its status: a partition left STARTED
 * by a dead worker is run again, resuming after its last committed chunk (the readers' saved counts), which is what a
 * redelivery needs; but it would also run a partition that already ended, when a message comes again after the
 * partition finished (the worker died before its acknowledgement) or after its job was recovered and restarted with
 * new partitions. So this first takes the advisory lock {@code partition:<id>} (held by the worker running it; a
 * dead worker's session releases it), then runs the partition only while it and its job are still running, and
 * otherwise acknowledges the request without running anything. A request naming a step or step execution this worker
 * does not know fails ({@link UnknownPartitionException}): {@link PartitionRequestListener} gives it back until its
 * delivery limit, then dead-letters it.
 */
class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final StepExecutionRequestHandler handler;
    private final StepLocator steps;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final Duration lockPoll;

    PartitionWorker(StepExecutionRequestHandler handler, StepLocator steps, JobRepository jobRepository,
            DataSource dataSource, Duration lockPoll) {
        this.handler = handler;
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
        try {
            steps.getStep(request.getStepName());
        }
        catch (BeansException e) {
            throw new UnknownPartitionException("names step '" + request.getStepName() + "', which this worker does"
                    + " not have (a manager of another flowbill version?)");
        }
        try (AdvisoryLock lock = AdvisoryLock.on(dataSource, AdvisoryLock.partitionKey(request.getStepExecutionId()))) {
            while (!lock.tryLock()) {
                Thread.sleep(lockPoll.toMillis());
            }
            StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
            if (partition == null) {
                throw new UnknownPartitionException("names step execution " + request.getStepExecutionId() + " of "
                        + request.getStepName() + ", which does not exist in this job repository (is this worker on"
                        + " the manager's database?)");
            }
            String which = partition.getStepName() + " (step execution " + partition.getId() + " of "
                    + partition.getJobExecution().getJobInstance().getJobName() + " execution "
                    + partition.getJobExecutionId() + ")";
            if (!partition.getStatus().isRunning() || !partition.getJobExecution().getStatus().isRunning()) {
                log.info("Partition {} skipped: it is {} and its job {}", which, partition.getStatus(),
                        partition.getJobExecution().getStatus());
                return;
            }
            log.info("Partition {} started{}", which, partition.getStatus() == BatchStatus.STARTED
                    ? " again (a worker that ran it stopped)" : "");
            long started = System.nanoTime();
            StepExecution ended = handler.handle(request);
            log.info("Partition {} ended {} in {} ms", which, ended.getStatus(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }
}
