package io.flowbill.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Scale-out settings ({@code flowbill.cluster.*}, docs/scaling-out.md). Off by default: every partition runs in
 * this process and no broker is contacted. On, the partitioned steps send their partitions through RabbitMQ
 * ({@code spring.rabbitmq.*}) to {@code worker} processes and wait for them in the job repository.
 *
 * @param enabled           send partitions to workers over RabbitMQ instead of running them here
 * @param requestsQueue     the durable queue the partition requests go through (declared by managers and workers)
 * @param workerConcurrency partitions one worker runs at once (its consumers of the queue)
 * @param pollInterval      how often a manager reads the job repository for the state of its partitions
 * @param partitionTimeout  how long a manager waits for all partitions of a step before the step fails
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("flowbill.partitions") String requestsQueue,
        @Min(1) @DefaultValue("2") int workerConcurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("6h") Duration partitionTimeout) {

    public static final String ENABLED = "flowbill.cluster.enabled";

    /** Set by the {@code worker} command alone: this process takes partitions from the queue. */
    public static final String WORKER = "flowbill.cluster.worker";
}
