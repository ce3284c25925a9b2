package io.flowbill.cluster;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.flowbill.system.ConfigurationRefused;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The side of scale-out every cluster process has, present only with {@code flowbill.cluster.enabled=true}: the
 * requests queue, a quorum queue that gives a request at most {@code flowbill.cluster.delivery-limit} times and then
 * dead-letters it to {@code <queue>.dead-letters} (both declared on the first connection, by managers and workers
 * alike), {@link PartitionRequests}, through which {@link PartitionedSteps} sends partitions, and the gauges of the
 * queues for alerts and autoscaling: {@code flowbill_cluster_requests_waiting},
 * {@code flowbill_cluster_request_consumers} and {@code flowbill_cluster_dead_letter_requests}. RabbitMQ's guest account is refused
 * ({@link ClusterCredentials}). Without the setting none of this exists and nothing connects to a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ClusterProperties.ENABLED)
class ClusterConfiguration {

    static final String DEAD_LETTERS_GAUGE = "flowbill.cluster.dead.letter.requests";
    static final String WAITING_GAUGE = "flowbill.cluster.requests.waiting";
    static final String CONSUMERS_GAUGE = "flowbill.cluster.request.consumers";

    @Bean
    Queue partitionRequestsQueue(ClusterProperties settings, Environment environment) {
        ClusterCredentials.refusal(environment).ifPresent(reason -> {
            throw new ConfigurationRefused(reason);
        });
        return QueueBuilder.durable(settings.requestsQueue()).quorum().deliveryLimit(settings.deliveryLimit())
                .deadLetterExchange("").deadLetterRoutingKey(settings.deadLetterQueue()).build();
    }

    @Bean
    Queue partitionDeadLettersQueue(ClusterProperties settings) {
        return QueueBuilder.durable(settings.deadLetterQueue()).build();
    }

    /** Where {@link PartitionedSteps} sends the partitions of a step. */
    @Bean
    PartitionRequests partitionRequests(ConnectionFactory connectionFactory, AmqpAdmin amqpAdmin,
            ClusterProperties settings, MeterRegistry registry) {
        PartitionRequests requests = new PartitionRequests(connectionFactory, amqpAdmin, settings);
        Gauge.builder(DEAD_LETTERS_GAUGE, requests, queue -> queue.deadLetters().orElse(-1))
                .description("Partition requests in the dead-letter queue (flowbill.cluster.requests-queue"
                        + " + .dead-letters): read their x-flowbill-dead-letter-reason header; -1 when RabbitMQ"
                        + " did not answer")
                .register(registry);
        Gauge.builder(WAITING_GAUGE, requests, queue -> queue.waiting().orElse(-1))
                .description("Partition requests waiting in flowbill.cluster.requests-queue for a worker (what to"
                        + " scale workers on); -1 when RabbitMQ did not answer")
                .register(registry);
        Gauge.builder(CONSUMERS_GAUGE, requests, queue -> queue.consumers().orElse(-1))
                .description("Consumers of flowbill.cluster.requests-queue: running workers times"
                        + " flowbill.cluster.worker-concurrency; -1 when RabbitMQ did not answer")
                .register(registry);
        return requests;
    }
}
