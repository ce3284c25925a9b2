package io.flowbill.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import io.flowbill.cluster.ClusterProperties;

/**
 * The one place that decides where tests get RabbitMQ from: the broker named by {@code FLOWBILL_TEST_RABBITMQ_URL}
 * (an {@code amqp://user:password@host:port/vhost} URL; {@code .ci/run} sets it to the machine's broker), else one
 * answering on its default port ({@code amqp://guest:guest@127.0.0.1:5672/}), else a Testcontainers RabbitMQ where
 * Docker runs, else the calling test is skipped saying so, or fails on CI ({@link ExternalTool#require}). Tests name
 * a queue of their own ({@link #uniqueQueue}): test JVMs run side by side on one broker.
 */
public final class TestRabbit {

    public static final String URL_VARIABLE = "FLOWBILL_TEST_RABBITMQ_URL";
    static final int DEFAULT_PORT = 5672;

    /** How to reach the broker. */
    public record Broker(String host, int port, String user, String password, String virtualHost, String source) {

        /** The {@code SPRING_RABBITMQ_*} variables of a flowbill process on this broker. */
        public Map<String, String> environment() {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("SPRING_RABBITMQ_HOST", host);
            variables.put("SPRING_RABBITMQ_PORT", Integer.toString(port));
            variables.put("SPRING_RABBITMQ_USERNAME", user);
            variables.put("SPRING_RABBITMQ_PASSWORD", password);
            variables.put("SPRING_RABBITMQ_VIRTUAL_HOST", virtualHost);
            if (user.equals("guest") && password.equals("guest")) {
                // a local test broker: cluster mode refuses guest/guest unless allowed
                variables.put("FLOWBILL_CLUSTER_ALLOW_GUEST", "true");
            }
            return variables;
        }

        /** Whether the broker has this queue. */
        public boolean queueExists(String queue) {
            CachingConnectionFactory connections = connections();
            try {
                return new RabbitAdmin(connections).getQueueInfo(queue) != null;
            }
            finally {
                connections.destroy();
            }
        }

        /** A connection factory of the test's own on this broker; {@code destroy()} it when done. */
        public CachingConnectionFactory connections() {
            CachingConnectionFactory connections = new CachingConnectionFactory(host, port);
            connections.setUsername(user);
            connections.setPassword(password);
            connections.setVirtualHost(virtualHost);
            return connections;
        }

        /** Removes a test's requests queue and its dead-letter queue (and what is left in them). */
        public void deleteQueue(String queue) {
            CachingConnectionFactory connections = connections();
            try {
                RabbitAdmin admin = new RabbitAdmin(connections);
                admin.deleteQueue(queue);
                admin.deleteQueue(ClusterProperties.deadLetterQueue(queue));
            }
            finally {
                connections.destroy();
            }
        }
    }

    private static volatile Broker broker;

    private TestRabbit() {
    }

    /** The broker, or the test is skipped (a JUnit assumption) when there is none. */
    public static Broker broker() {
        Broker current = broker;
        if (current == null) {
            synchronized (TestRabbit.class) {
                if (broker == null) {
                    broker = find();
                }
                current = broker;
            }
        }
        ExternalTool.require(current.port() > 0, "no RabbitMQ for this test: set " + URL_VARIABLE
                + " (e.g. amqp://guest:guest@127.0.0.1:5672/), start one on 127.0.0.1:5672 or start Docker; skipped");
        return current;
    }

    /** A queue name no other test uses. */
    public static String uniqueQueue(String purpose) {
        return "flowbill.test." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Broker find() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return parse(url);
        }
        if (LocalPort.answers(DEFAULT_PORT)) {
            return new Broker(LocalPort.HOST, DEFAULT_PORT, "guest", "guest", "/", LocalPort.HOST + ":" + DEFAULT_PORT);
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("rabbitmq:4-alpine").withExposedPorts(5672)
                    .waitingFor(Wait.forLogMessage(".*Server startup complete.*", 1));
            container.start();
            return new Broker(container.getHost(), container.getMappedPort(5672), "guest", "guest", "/",
                    "testcontainers");
        }
        return new Broker("", 0, "", "", "", "none");
    }

    static Broker parse(String url) {
        URI uri = URI.create(url.strip());
        String[] credentials = uri.getRawUserInfo() == null ? new String[] { "guest", "guest" }
                : uri.getRawUserInfo().split(":", 2);
        String path = uri.getRawPath();
        String virtualHost = path == null || path.length() <= 1 ? "/" : decode(path.substring(1));
        return new Broker(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(credentials[0]),
                credentials.length > 1 ? decode(credentials[1]) : "", virtualHost, URL_VARIABLE);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
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
