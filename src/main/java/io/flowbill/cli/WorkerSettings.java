package io.flowbill.cli;

import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.cluster.ClusterProperties;

/**
 * Why {@code worker} cannot run with these settings, from the settings alone before anything starts (as
 * {@link SpringSettings} reads them): without {@code flowbill.cluster.enabled=true} it would get no work, without
 * {@code spring.datasource.url} it would run on a database of its own that no manager can see. Settings that cannot
 * be read are left to the worker's start, which refuses the same.
 * <p>
 * A worker is no web application (the API, the portal and the scheduler are {@code serve}'s); it serves its health
 * and metrics on {@code management.server.port} ({@value #MANAGEMENT_PORT} unless set; {@code serve} answers on
 * {@code server.port}, 8080) with the probe groups on: liveness, and readiness with the broker and the database
 * ({@code io.flowbill.cluster.WorkerManagementServer}).
 */
final class WorkerSettings {

    static final int MANAGEMENT_PORT = 8081;

    private WorkerSettings() {
    }

    /** Beneath every other setting of a worker: the management port and the probes. */
    static Map<String, Object> defaults() {
        return Map.of("management.server.port", MANAGEMENT_PORT,
                "management.endpoint.health.probes.enabled", true,
                "management.endpoint.health.group.readiness.include", "readinessState,rabbit,db",
                "management.endpoint.health.group.readiness.show-components", "always");
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
