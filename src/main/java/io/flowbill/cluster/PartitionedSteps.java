package io.flowbill.cluster;

import java.util.function.UnaryOperator;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Builds the manager step of a partitioned step the same way for every job. With {@code flowbill.cluster.enabled}
 * off, the partitions run in this process on {@code localExecutor} (Spring Batch's
 * {@code TaskExecutorPartitionHandler}). On, {@link RemotePartitionHandler} sends one
 * {@code StepExecutionRequest} per partition to the requests queue and polls the job repository every
 * {@code flowbill.cluster.poll-interval} until every partition has ended, failing the step after
 * {@code flowbill.cluster.partition-timeout} or without workers ({@code flowbill.cluster.no-worker-timeout}). A
 * {@code worker} runs the partition with the worker step of the same bean name.
 */
@Component
public class PartitionedSteps {

    private final ClusterProperties settings;
    private final ObjectProvider<PartitionRequests> partitionRequests;

    PartitionedSteps(ClusterProperties settings,
            @Qualifier("partitionRequests") ObjectProvider<PartitionRequests> partitionRequests) {
        this.settings = settings;
        this.partitionRequests = partitionRequests;
    }

    /**
     * The step {@code name}: {@code partitioner} splits the work into about {@code gridSize} partitions, each run
     * by {@code workerStep} (whose name must be its bean name, so a worker can find it).
     */
    public Step build(String name, JobRepository jobRepository, Partitioner partitioner, Step workerStep,
            int gridSize, TaskExecutor localExecutor) {
        return build(name, jobRepository, partitioner, workerStep, gridSize, localExecutor, UnaryOperator.identity());
    }

    /**
     * The same, with {@code more} applied to the builder before it builds (a splitter of its own, listeners,
     * restart rules), in both modes.
     */
    public Step build(String name, JobRepository jobRepository, Partitioner partitioner, Step workerStep,
            int gridSize, TaskExecutor localExecutor, UnaryOperator<PartitionStepBuilder> more) {
        if (!settings.enabled()) {
            return more.apply(new StepBuilder(name, jobRepository)
                    .partitioner(workerStep.getName(), partitioner)
                    .step(workerStep)
                    .gridSize(gridSize)
                    .taskExecutor(localExecutor))
                    .build();
        }
        return more.apply(new StepBuilder(name, jobRepository)
                .partitioner(workerStep.getName(), partitioner)
                .partitionHandler(new RemotePartitionHandler(name, workerStep.getName(), gridSize, jobRepository,
                        partitionRequests.getObject(), settings)))
                .build();
    }

    /** Whether partitions go to workers ({@code flowbill.cluster.enabled}). */
    public boolean remote() {
        return settings.enabled();
    }
}
