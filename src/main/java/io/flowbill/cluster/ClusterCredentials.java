package io.flowbill.cluster;

import java.util.Optional;

import org.springframework.core.env.PropertyResolver;

/**
 * RabbitMQ's {@code guest} account (Spring's default when {@code spring.rabbitmq.username} and {@code password} are
 * not set) is refused in cluster mode: a broker that accepts it from another host accepts anyone's partitions.
 * {@code flowbill.cluster.allow-guest=true} accepts it, for a local test broker.
 */
public final class ClusterCredentials {

    static final String GUEST = "guest";

    private ClusterCredentials() {
    }

    /** Why these settings may not run in cluster mode, or empty. */
    public static Optional<String> refusal(PropertyResolver settings) {
        if (!settings.getProperty(ClusterProperties.ENABLED, Boolean.class, false)
                || settings.getProperty("flowbill.cluster.allow-guest", Boolean.class, false)) {
            return Optional.empty();
        }
        if (settings.getProperty("spring.rabbitmq.addresses", "").contains("@")) {
            return Optional.empty(); // amqp://user:password@host: an account given in the address
        }
        String user = settings.getProperty("spring.rabbitmq.username", GUEST);
        String password = settings.getProperty("spring.rabbitmq.password", GUEST);
        if (!user.equals(GUEST) || !password.equals(GUEST)) {
            return Optional.empty();
        }
        return Optional.of("flowbill.cluster.enabled needs a RabbitMQ account of its own: set"
                + " spring.rabbitmq.username and spring.rabbitmq.password (SPRING_RABBITMQ_USERNAME,"
                + " SPRING_RABBITMQ_PASSWORD), not guest/guest; for a local test broker alone set"
                + " flowbill.cluster.allow-guest=true");
    }
}
