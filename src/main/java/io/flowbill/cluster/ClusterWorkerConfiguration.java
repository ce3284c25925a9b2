package io.flowbill.cluster;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.flowbill.system.ConfigurationRefused;
import io.flowbill.system.DemoMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The {@code worker} command's side of scale-out ({@code flowbill.cluster.worker} is set by that command alone): a
 * listener container with {@code flowbill.cluster.worker-concurrency} consumers of the requests queue, each taking one
 * message at a time (prefetch 1) and acknowledging it only once {@link PartitionRequestListener} returns (AUTO
 * acknowledgement: after the partition ended or the request was dead-lettered, never before), feeding
 * {@link PartitionWorker} with a {@link BeanFactoryStepLocator}: a worker runs the partitions of any worker step
 * bean. {@link WorkerShutdown} stops it gracefully. A worker refuses to start
 * without {@code flowbill.cluster.enabled=true} or on the demo's embedded database, which no other process can reach.
 * Every meter of a worker carries the tag {@code instance} ({@link ClusterProperties#instanceName()}): the partitions'
 * API calls, retries, items and durations of several workers are so many series, not one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ClusterProperties.WORKER)
class ClusterWorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterWorkerConfiguration.class);

    /** The lock connection of {@link PartitionWorker}, and a partition step's cursor and transaction. */
    private static final int CONNECTIONS_PER_PARTITION = 3;

    @Bean
    MeterRegistryCustomizer<MeterRegistry> workerInstanceTag(ClusterProperties settings) {
        String instance = settings.instanceName();
        return registry -> registry.config().commonTags("instance", instance);
    }

    /** The health and metrics of this worker on {@code management.server.port} (set to 8081 by {@code worker}). */
    @Bean
    WorkerManagementServer workerManagementServer(HealthEndpoint health, PrometheusMeterRegistry prometheus,
            Environment environment) {
        return new WorkerManagementServer(health, prometheus, environment.getProperty("management.server.address"),
                environment.getProperty("management.server.port", Integer.class, 8081));
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository jobRepository, BeanFactory beanFactory, DataSource dataSource,
            ClusterProperties settings, Environment environment) {
        if (!settings.enabled()) {
            throw new ConfigurationRefused("a worker takes partitions from RabbitMQ: set flowbill.cluster.enabled=true"
                    + " (FLOWBILL_CLUSTER_ENABLED) and spring.rabbitmq.* on the workers and on the manager");
        }
        if (DemoMode.on(environment)) {
            throw new ConfigurationRefused("a worker needs the manager's PostgreSQL: set spring.datasource.url"
                    + " (SPRING_DATASOURCE_URL) and the manager's accounts (flowbill.accounts, or flowbill.api.base-url);"
                    + " the demo's embedded database cannot be shared");
        }
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        if (pool < CONNECTIONS_PER_PARTITION * settings.workerConcurrency() + 1) {
            throw new ConfigurationRefused("flowbill.cluster.worker-concurrency " + settings.workerConcurrency()
                    + " needs " + (CONNECTIONS_PER_PARTITION * settings.workerConcurrency() + 1) + " pooled connections"
                    + " (each running partition holds its lock, a cursor and a transaction) but"
                    + " spring.datasource.hikari.maximum-pool-size is " + pool + "; raise the pool or lower the"
                    + " concurrency");
        }
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        return new PartitionWorker(steps, jobRepository, dataSource, settings.pollInterval());
    }

    @Bean
    SimpleMessageListenerContainer partitionRequestsContainer(ConnectionFactory connectionFactory,
            ClusterProperties settings, PartitionWorker partitionWorker) {
        log.info("Worker taking partitions from queue '{}' on RabbitMQ {}:{} (virtual host '{}'), {} at a time",
                settings.requestsQueue(), connectionFactory.getHost(), connectionFactory.getPort(),
                connectionFactory.getVirtualHost(), settings.workerConcurrency());
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(settings.requestsQueue());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(settings.workerConcurrency());
        container.setMessageListener(new PartitionRequestListener(partitionWorker,
                new RabbitTemplate(connectionFactory), settings));
        return container;
    }

    /** The worker command's graceful stop: no new requests, running partitions stopped at a chunk boundary. */
    @Bean
    WorkerShutdown workerShutdown(SimpleMessageListenerContainer partitionRequestsContainer,
            PartitionWorker partitionWorker) {
        return new WorkerShutdown(partitionRequestsContainer, partitionWorker);
    }
}
