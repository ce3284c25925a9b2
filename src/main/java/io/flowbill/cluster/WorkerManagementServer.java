package io.flowbill.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A worker's management port ({@code management.server.port}): a worker is no web application (the API, the portal
 * and the scheduler are {@code serve}'s), so this small server answers the actuator's paths alone, from the
 * actuator's own health endpoint and Prometheus registry: {@code /actuator/health},
 * {@code /actuator/health/liveness}, {@code /actuator/health/readiness} (the broker and the database; the status
 * and the components' statuses, no details), each 200 when UP and 503 otherwise, and {@code /actuator/prometheus}.
 * Port 0 takes any free port (several workers on one machine), which it logs. It stops after the worker's listener
 * has.
 */
class WorkerManagementServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerManagementServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HealthEndpoint health;
    private final PrometheusMeterRegistry prometheus;
    private final String address;
    private final int port;
    private HttpServer server;
    private ExecutorService threads;

    WorkerManagementServer(HealthEndpoint health, PrometheusMeterRegistry prometheus, String address, int port) {
        this.health = health;
        this.prometheus = prometheus;
        this.address = address;
        this.port = port;
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(address == null || address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(address, port), 16);
        }
        catch (IOException e) {
            throw new IllegalStateException("the worker's management port " + port + " could not be opened ("
                    + e.getMessage() + "): set management.server.port to a free port, or 0 for any", e);
        }
        server.createContext("/actuator/prometheus", exchange -> answer(exchange, 200, PROMETHEUS_TEXT,
                prometheus.scrape().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/actuator/health", this::health);
        threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "management");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        log.info("Worker management port {}: /actuator/health (liveness, readiness), /actuator/prometheus",
                server.getAddress().getPort());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** After the listener container (which stops at the highest phase): probes answer while partitions end. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void health(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceFirst("^/actuator/health/?", "");
        HealthDescriptor descriptor = path.isEmpty() ? health.health() : health.healthForPath(path.split("/"));
        if (descriptor == null) {
            answer(exchange, 404, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer(exchange, descriptor.getStatus().equals(Status.UP) ? 200 : 503, "application/json",
                json(descriptor).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"status":"UP","components":{"db":{"status":"UP"},...}}}: statuses alone. */
    static String json(HealthDescriptor descriptor) {
        String status = "\"status\":\"" + descriptor.getStatus().getCode() + "\"";
        if (!(descriptor instanceof CompositeHealthDescriptor composite) || composite.getComponents() == null) {
            return "{" + status + "}";
        }
        Map<String, HealthDescriptor> components = composite.getComponents();
        return "{" + status + ",\"components\":{" + components.entrySet().stream()
                .map(component -> "\"" + component.getKey() + "\":" + json(component.getValue()))
                .collect(Collectors.joining(",")) + "}}";
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
