package io.flowbill.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import com.rabbitmq.client.GetResponse;

/**
 * The requests queue as a manager sees it: sends a partition's {@link StepExecutionRequest} to it through the
 * default exchange, and asks RabbitMQ how many consumers (workers' listeners) it has, how many requests wait in it
 * and in its dead-letter queue, and which of the dead letters name given partitions. No reply queue: managers read
 * the partitions' outcome from the job repository.
 */
class PartitionRequests {

    /** Dead letters a manager reads at most per look: purge the dead-letter queue once its reasons are read. */
    static final int DEAD_LETTERS_READ = 500;

    private final RabbitTemplate template;
    private final MessageConverter converter = PartitionMessages.converter();
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

    /**
     * The first dead letter (of the first {@value #DEAD_LETTERS_READ} in the dead-letter queue) that names one of
     * the step executions {@code ids}, with its reason; empty when none does or RabbitMQ does not answer. The dead
     * letters are read and given back at once (not acknowledged), so they stay in the queue for the operator; each
     * one read comes back marked redelivered.
     */
    Optional<DeadLetter> deadLetterOf(Set<Long> ids) {
        if (deadLetters().orElse(0) == 0) {
            return Optional.empty();
        }
        try {
            return template.execute(channel -> {
                long last = -1;
                try {
                    for (int i = 0; i < DEAD_LETTERS_READ; i++) {
                        GetResponse got = channel.basicGet(settings.deadLetterQueue(), false);
                        if (got == null) {
                            break;
                        }
                        last = got.getEnvelope().getDeliveryTag();
                        Optional<DeadLetter> ours = read(got).filter(dead -> ids.contains(dead.stepExecutionId()));
                        if (ours.isPresent()) {
                            return ours;
                        }
                    }
                    return Optional.empty();
                }
                finally {
                    if (last >= 0) {
                        channel.basicNack(last, true, true);
                    }
                }
            });
        }
        catch (AmqpException e) {
            return Optional.empty();
        }
    }

    private Optional<DeadLetter> read(GetResponse got) {
        MessageProperties properties = new DefaultMessagePropertiesConverter().toMessageProperties(got.getProps(),
                got.getEnvelope(), "UTF-8");
        try {
            if (converter.fromMessage(new Message(got.getBody(), properties)) instanceof StepExecutionRequest request
                    && request.getStepExecutionId() != null) {
                return Optional.of(new DeadLetter(request.getStepExecutionId(), reason(properties)));
            }
        }
        catch (MessageConversionException e) {
            // not a request: no partition of ours
        }
        return Optional.empty();
    }

    /** The worker's reason, or what RabbitMQ's own dead-lettering (x-death) says. */
    private String reason(MessageProperties properties) {
        Object reason = properties.getHeader(PartitionRequestListener.REASON);
        if (reason != null) {
            return reason.toString();
        }
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        Object why = deaths == null || deaths.isEmpty() ? null : deaths.get(0).get("reason");
        return "dead-lettered by RabbitMQ (" + (why == null ? "no reason given" : why) + ") after "
                + settings.deliveryLimit() + " deliveries (flowbill.cluster.delivery-limit) without a worker seeing"
                + " its last one (workers killed while running it)";
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
