package io.flowbill.cli;

import java.util.Optional;

import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.cluster.ClusterProperties;

/**
 * Why {@code worker} cannot run with these settings, from the settings alone before anything starts (as
 * {@link SpringSettings} reads them): without {@code flowbill.cluster.enabled=true} it would get no work, without
 * {@code spring.datasource.url} it would run on a database of its own that no manager can see. Settings that cannot
 * be read are left to the worker's start, which refuses the same.
 */
final class WorkerSettings {

    private WorkerSettings() {
    }

    static Optional<String> refusal(Optional<ConfigurableEnvironment> settings) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        ConfigurableEnvironment environment = settings.get();
        if (!"true".equalsIgnoreCase(environment.getProperty(ClusterProperties.ENABLED))) {
            return Optional.of("a worker takes partitions from RabbitMQ: set flowbill.cluster.enabled=true"
                    + " (FLOWBILL_CLUSTER_ENABLED=true) and spring.rabbitmq.* (SPRING_RABBITMQ_HOST, ...), as on the"
                    + " manager");
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return Optional.of("a worker needs the manager's PostgreSQL: set spring.datasource.url"
                    + " (SPRING_DATASOURCE_URL, with its username and password); the demo's embedded database cannot"
                    + " be shared");
        }
        return Optional.empty();
    }
}
