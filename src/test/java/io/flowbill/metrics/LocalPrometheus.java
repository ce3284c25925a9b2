package io.flowbill.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.flowbill.system.Patience;

/**
 * A real Prometheus (Debian's {@code prometheus}) and Pushgateway ({@code prometheus-pushgateway}) on free ports
 * with temporary data: Prometheus scrapes {@code serve} at a fixed port as job {@code flowbill-serve} and the
 * Pushgateway with {@code honor_labels}, every second, and evaluates the given rule files every second.
 */
final class LocalPrometheus implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    static final String SERVE_JOB = "flowbill-serve";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int servePort;
    final URI pushgateway;
    final URI prometheus;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();

    private LocalPrometheus(Path dir, int servePort, int pushPort, int promPort) {
        this.dir = dir;
        this.servePort = servePort;
        this.pushgateway = URI.create("http://127.0.0.1:" + pushPort);
        this.prometheus = URI.create("http://127.0.0.1:" + promPort);
    }

    static boolean installed() {
        return Files.isExecutable(PROMETHEUS) && Files.isExecutable(PUSHGATEWAY);
    }

    static LocalPrometheus start(List<Path> ruleFiles) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("flowbill-prometheus");
        LocalPrometheus local = new LocalPrometheus(dir, freePort(), freePort(), freePort());
        StringBuilder rules = new StringBuilder();
        ruleFiles.forEach(file -> rules.append("  - '").append(file.toAbsolutePath()).append("'\n"));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                %sscrape_configs:
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs: [ { targets: [ '127.0.0.1:%d' ] } ]
                  - job_name: pushgateway
                    honor_labels: true
                    static_configs: [ { targets: [ '%s' ] } ]
                """.formatted(rules.isEmpty() ? "  []\n" : rules, SERVE_JOB, local.servePort,
                local.pushgateway.getAuthority()));
        local.spawn("pushgateway", PUSHGATEWAY.toString(), "--web.listen-address=" + local.pushgateway.getAuthority());
        local.spawn("prometheus", PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + local.prometheus.getAuthority());
        local.awaitReady(local.pushgateway.resolve("/-/ready"));
        local.awaitReady(local.prometheus.resolve("/-/ready"));
        return local;
    }

    /** The result vector of an instant query (PromQL), failing on a query error. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        URI uri = URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asString(""))) {
            throw new AssertionError("Prometheus refused " + promql + ": " + response.body());
        }
        return body.path("data").path("result");
    }

    /** Queries until the result satisfies {@code until}; the last result, for the assertion's message. */
    JsonNode await(String promql, Predicate<JsonNode> until, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result = query(promql);
        while (!until.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = query(promql);
        }
        return result;
    }

    /** The log of a process, for a failure message. */
    String log(String name) throws IOException {
        Path file = dir.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private void spawn(String name, String... command) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    private void awaitReady(URI ready) throws IOException, InterruptedException {
        Duration patience = Patience.seconds(30);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(ready + " not ready within " + patience.toSeconds() + " s (" + Patience.hint() + "); logs:\n" + log("prometheus") + log("pushgateway"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
