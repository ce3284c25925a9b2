package io.flowbill.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A manager step's side of remote partitioning: sends one {@link StepExecutionRequest} per partition to the
 * requests queue, then reads the job repository every {@code flowbill.cluster.poll-interval} until every partition
 * has ended. A partition a stopping worker ended STOPPED ({@link WorkerShutdown}) has not ended for its manager: it
 * sends the partition's request again (once per stop), and another worker resumes it after its last committed chunk;
 * only while this job itself is being stopped does STOPPED count as ended. It gives up ({@link PartitionWait}) at
 * once when a request of its partitions is in the dead-letter queue, after {@code flowbill.cluster.partition-timeout},
 * or once no worker has consumed the queue for {@code flowbill.cluster.no-worker-timeout}, failing the step with one
 * line; the partitions left unended are recovered by the next run under the business key's lock
 * ({@code io.flowbill.system.StaleExecutions}), which resumes them.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final String stepName;
    private final String workerStepName;
    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final ClusterProperties settings;

    RemotePartitionHandler(String stepName, String workerStepName, int gridSize, JobRepository jobRepository,
            PartitionRequests requests, ClusterProperties settings) {
        this.stepName = stepName;
        this.workerStepName = workerStepName;
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.settings = settings;
        setGridSize(gridSize);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return partitions;
        }
        Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
        long sent = System.nanoTime();
        for (StepExecution partition : partitions) {
            requests.send(new StepExecutionRequest(workerStepName, partition.getId()));
        }
        PartitionWait wait = new PartitionWait(stepName, requests.where(), settings.partitionTimeout(),
                settings.noWorkerTimeout());
        Map<Long, Integer> sentAgainAt = new HashMap<>();
        while (true) {
            JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
            boolean jobStopping = job.getStatus() == BatchStatus.STOPPING;
            Set<StepExecution> mine = job.getStepExecutions().stream().filter(step -> ids.contains(step.getId()))
                    .collect(Collectors.toSet());
            Set<StepExecution> ended = mine.stream().filter(step -> !step.getStatus().isRunning()
                    && (step.getStatus() != BatchStatus.STOPPED || jobStopping)).collect(Collectors.toSet());
            if (ended.size() == ids.size()) {
                return ended;
            }
            for (StepExecution stopped : mine) {
                if (stopped.getStatus() == BatchStatus.STOPPED && !jobStopping
                        && !Objects.equals(sentAgainAt.put(stopped.getId(), stopped.getVersion()),
                                stopped.getVersion())) {
                    requests.send(new StepExecutionRequest(workerStepName, stopped.getId()));
                    log.info("Partition {} (step execution {}) was stopped by its worker; sent again to resume it",
                            stopped.getStepName(), stopped.getId());
                }
            }
            Set<Long> unended = ids.stream().filter(id -> ended.stream().noneMatch(step -> step.getId() == id))
                    .collect(Collectors.toSet());
            Optional<DeadLetter> dead = requests.deadLetterOf(unended);
            if (dead.isPresent()) {
                String partition = mine.stream().filter(step -> step.getId() == dead.get().stepExecutionId())
                        .map(StepExecution::getStepName).findFirst().orElse("?");
                throw new PartitionsUnansweredException(wait.deadLettered(partition, dead.get()));
            }
            Optional<String> giveUp = wait.giveUp(Duration.ofNanos(System.nanoTime() - sent), requests.consumers(),
                    unended.size(), ids.size());
            if (giveUp.isPresent()) {
                throw new PartitionsUnansweredException(giveUp.get());
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }
}
