package io.flowbill.cluster;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager's side of scale-out, present only with {@code flowbill.cluster.enabled=true}: the durable requests
 * queue (declared on the first connection, by managers and workers alike) and the channel {@link PartitionedSteps}
 * sends partition requests to, whose messages an AMQP outbound adapter publishes to that queue through the default
 * exchange. No reply queue: managers read the partitions' outcome from the job repository. Without the setting none
 * of this exists and nothing connects to a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ClusterProperties.ENABLED)
@EnableIntegration
class ClusterConfiguration {

    @Bean
    Queue partitionRequestsQueue(ClusterProperties settings) {
        return QueueBuilder.durable(settings.requestsQueue()).build();
    }

    /** Where {@link PartitionedSteps} sends the partitions of a step. */
    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow partitionRequestsFlow(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
            ClusterProperties settings) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(PartitionMessages.converter());
        AmqpTemplate amqp = template;
        return IntegrationFlow.from(partitionRequests)
                .handle(Amqp.outboundAdapter(amqp).routingKey(settings.requestsQueue()))
                .get();
    }
}
