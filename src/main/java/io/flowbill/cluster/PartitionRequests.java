package io.flowbill.cluster;

import java.util.OptionalInt;
import java.util.OptionalLong;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The requests queue as a manager sees it: sends a partition's {@link StepExecutionRequest} to it through the
 * default exchange, and asks RabbitMQ how many consumers (workers' listeners) it has, how many requests wait in it
 * and in its dead-letter queue. No reply queue: managers read the partitions' outcome from the job repository.
 */
class PartitionRequests {

    private final RabbitTemplate template;
    private final AmqpAdmin admin;
    private final ClusterProperties settings;
    private final String broker;

    PartitionRequests(ConnectionFactory connectionFactory, AmqpAdmin admin, ClusterProperties settings) {
        this.template = new RabbitTemplate(connectionFactory);
        this.template.setMessageConverter(PartitionMessages.converter());
        this.admin = admin;
        this.settings = settings;
        this.broker = "RabbitMQ " + connectionFactory.getHost() + ":" + connectionFactory.getPort();
    }

    void send(StepExecutionRequest request) {
        try {
            template.convertAndSend("", settings.requestsQueue(), request);
        }
        catch (AmqpException e) {
            throw BrokerTlsException.of(e, broker);
        }
    }

    /** The consumers of the requests queue, or empty when RabbitMQ does not answer or the queue is missing. */
    OptionalInt consumers() {
        QueueInformation queue = information(settings.requestsQueue());
        return queue == null ? OptionalInt.empty() : OptionalInt.of(queue.getConsumerCount());
    }

    /** The requests waiting in the requests queue (not yet taken by a worker), or empty as above. */
    OptionalLong waiting() {
        QueueInformation queue = information(settings.requestsQueue());
        return queue == null ? OptionalLong.empty() : OptionalLong.of(queue.getMessageCount());
    }

    /** The requests in the dead-letter queue, or empty when RabbitMQ does not answer or the queue is missing. */
    OptionalLong deadLetters() {
        QueueInformation queue = information(settings.deadLetterQueue());
        return queue == null ? OptionalLong.empty() : OptionalLong.of(queue.getMessageCount());
    }

    /** E.g. {@code queue 'flowbill.partition-requests' on RabbitMQ rabbit:5672}. */
    String where() {
        return "queue '" + settings.requestsQueue() + "' on " + broker;
    }

    private QueueInformation information(String queue) {
        try {
            return admin.getQueueInfo(queue);
        }
        catch (AmqpException e) {
            return null;
        }
    }
}
