package io.flowbill.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Scale-out settings ({@code flowbill.cluster.*}, docs/scaling.md). Off by default: every partition runs in this
 * process and no broker is contacted. On, the partitioned steps send their partitions through RabbitMQ
 * ({@code spring.rabbitmq.*}) to {@code worker} processes and wait for them in the job repository.
 *
 * @param enabled           send partitions to workers over RabbitMQ instead of running them here
 * @param requestsQueue     the quorum queue the partition requests go through (declared by managers and workers);
 *                          its dead letters go to {@code <requestsQueue>.dead-letters}
 * @param workerConcurrency partitions one worker runs at once (its consumers of the queue)
 * @param pollInterval      how often a manager reads the job repository for the state of its partitions
 * @param partitionTimeout  how long a manager waits for all partitions of a step before the step fails
 * @param noWorkerTimeout   how long a manager waits with no consumer on the requests queue before the step fails
 * @param deliveryLimit     deliveries of one request (a worker failing or dying with it) before it is dead-lettered
 * @param allowGuest        accept RabbitMQ's guest/guest account (a local test broker only)
 * @param instance          the tag {@code instance} on a worker's meters, so several workers' series stay apart;
 *                          empty: the host name (a Kubernetes pod's name)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("flowbill.partition-requests") String requestsQueue,
        @Min(1) @DefaultValue("2") int workerConcurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("3h") Duration partitionTimeout,
        @DefaultValue("2m") Duration noWorkerTimeout,
        @Min(2) @DefaultValue("5") int deliveryLimit,
        @DefaultValue("false") boolean allowGuest,
        @DefaultValue("") String instance) {

    public static final String ENABLED = "flowbill.cluster.enabled";

    /** Set by the {@code worker} command alone: this process takes partitions from the queue. */
    public static final String WORKER = "flowbill.cluster.worker";

    /** {@link #instance} as given, else the host name ({@code HOSTNAME}, which Kubernetes sets to the pod's name). */
    public String instanceName() {
        if (instance != null && !instance.isBlank()) {
            return instance;
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** Where requests go that no worker could run within {@link #deliveryLimit} deliveries, or could not read. */
    public String deadLetterQueue() {
        return deadLetterQueue(requestsQueue);
    }

    /** The dead-letter queue of the requests queue {@code requestsQueue}. */
    public static String deadLetterQueue(String requestsQueue) {
        return requestsQueue + ".dead-letters";
    }
}
