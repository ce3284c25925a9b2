package io.flowbill.accounts;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The RabbitMQ the scale-out tests use: {@code FLOWBILL_TEST_RABBITMQ_URL} ({@code amqp://user:pass@host:port/vhost},
 * what {@code .ci/run} sets to the machine's broker), else a Testcontainers RabbitMQ where Docker runs, else none
 * (the tests that need it are skipped and say so).
 */
final class ClusterBroker {

    static final String URL_VARIABLE = "FLOWBILL_TEST_RABBITMQ_URL";

    private static volatile Optional<URI> broker;

    private ClusterBroker() {
    }

    /** The broker's URL, or empty when there is none. */
    static synchronized Optional<URI> url() {
        if (broker == null) {
            broker = find();
        }
        return broker;
    }

    /** Why there is none, for the skipped test's message. */
    static String whyNone() {
        return "no RabbitMQ: set " + URL_VARIABLE + " (e.g. amqp://guest:guest@127.0.0.1:5672/) or run Docker";
    }

    /** {@code SPRING_RABBITMQ_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _VIRTUALHOST}. */
    static Map<String, String> environment(URI url) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SPRING_RABBITMQ_HOST", url.getHost());
        variables.put("SPRING_RABBITMQ_PORT", String.valueOf(url.getPort() < 0 ? 5672 : url.getPort()));
        String userInfo = url.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            variables.put("SPRING_RABBITMQ_USERNAME", colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                variables.put("SPRING_RABBITMQ_PASSWORD", userInfo.substring(colon + 1));
            }
        }
        String path = url.getPath();
        if (path != null && path.length() > 1) {
            variables.put("SPRING_RABBITMQ_VIRTUALHOST", path.substring(1));
        }
        return variables;
    }

    private static Optional<URI> find() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(URI.create(configured.strip()));
        }
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        GenericContainer<?> rabbit = new GenericContainer<>("rabbitmq:3.13-alpine").withExposedPorts(5672)
                .waitingFor(Wait.forLogMessage(".*Server startup complete.*", 1));
        rabbit.start();
        Runtime.getRuntime().addShutdownHook(new Thread(rabbit::stop, "stop-test-rabbitmq"));
        return Optional.of(URI.create("amqp://guest:guest@" + rabbit.getHost() + ":" + rabbit.getMappedPort(5672) + "/"));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (Throwable e) {
            return false;
        }
    }
}
