package io.flowbill.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A manager step's side of remote partitioning: sends one {@link StepExecutionRequest} per partition to the
 * requests queue, then reads the job repository every {@code flowbill.cluster.poll-interval} until every partition
 * has ended. It gives up ({@link PartitionWait}) after {@code flowbill.cluster.partition-timeout}, or once no worker
 * has consumed the queue for {@code flowbill.cluster.no-worker-timeout}, failing the step with one line; the
 * partitions left unended are recovered by the next run under the business key's lock
 * ({@code io.flowbill.system.StaleExecutions}), which resumes them.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

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
        while (true) {
            Set<StepExecution> ended = jobRepository.getJobExecution(manager.getJobExecutionId()).getStepExecutions()
                    .stream().filter(step -> ids.contains(step.getId()) && !step.getStatus().isRunning())
                    .collect(Collectors.toSet());
            if (ended.size() == ids.size()) {
                return ended;
            }
            Optional<String> giveUp = wait.giveUp(Duration.ofNanos(System.nanoTime() - sent), requests.consumers(),
                    ids.size() - ended.size(), ids.size());
            if (giveUp.isPresent()) {
                throw new PartitionsUnansweredException(giveUp.get());
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }
}
