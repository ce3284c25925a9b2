package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Migrations;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;

/**
 * Watching workers (issue 26): a {@code worker} answers its health probes (readiness: the broker and the database)
 * and Prometheus on its management port, with the partitions' meters tagged with its {@code instance}; and a
 * {@code meter} run whose partitions ran on that worker prints the API calls and progress a run in one process
 * prints, read from the job repository. Needs RabbitMQ ({@link TestRabbit}): skipped without one.
 */
@Slow
class WorkerObservabilityIT {

    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    static final Pattern API_CALLS = Pattern.compile("api calls\\s+(\\d+) \\((\\d+) retries\\)");
    static final Pattern MANAGEMENT_PORT = Pattern.compile("Worker management port (\\d+)");
    static final Pattern PROGRESS = Pattern.compile("containers (\\d+)/\\d+, container-hours (\\d+)/\\d+");
    static final SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withContainers(60).withSeed(7)
            .withClock(SandboxClock.fixed(Instant.parse("2026-11-21T02:00:00Z"))));
    static final String[] METER = { "meter", "--from", DAY.toString(), "--to", DAY.plus(Duration.ofDays(1)).toString() };
    static final HttpClient http = HttpClient.newHttpClient();

    final TestRabbit.Broker rabbit = TestRabbit.broker();
    final String queue = TestRabbit.uniqueQueue("observed");
    FlowbillJar.Running worker;

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @AfterEach
    void stopWorker() throws Exception {
        if (worker != null && worker.isAlive()) {
            worker.kill();
        }
        rabbit.deleteQueue(queue);
    }

    @Test
    void aWorkerAnswersItsProbesAndMetricsAndTheManagerCountsItsWorkAsOneProcessDoes() throws Exception {
        api.faults().latency(Duration.ofMillis(5), Duration.ZERO); // a run long enough for progress lines
        FlowbillJar.Outcome alone = flowbill(Migrations.apply(TestDatabase.fresh()), METER).start()
                .finish(Patience.seconds(300));
        assertThat(alone.exitCode()).as("exit code of 'meter' in one process: %s", alone.output()).isZero();
        long callsAlone = apiCalls(alone);

        // given: a worker on its own management port
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        worker = cluster(flowbill(db, "worker")).env("FLOWBILL_CLUSTER_INSTANCE", "worker-a").start();
        worker.await("the worker started", Patience.seconds(240), () -> worker.output().contains("Started FlowbillCli"));
        Matcher management = MANAGEMENT_PORT.matcher(worker.output());
        assertThat(management.find()).as("the worker's management port in its log: %s", worker.output()).isTrue();
        int port = Integer.parseInt(management.group(1));

        // then: it is alive, and ready with the broker and the database
        assertThat(get(port, "/actuator/health/liveness")).as("liveness").contains("\"status\":\"UP\"");
        assertThat(get(port, "/actuator/health/readiness")).as("readiness")
                .contains("\"status\":\"UP\"", "\"rabbit\":{\"status\":\"UP\"}", "\"db\":{\"status\":\"UP\"}");
        assertThat(get(port, "/actuator/health")).as("health").contains("\"status\":\"UP\"");

        // when: a manager meters the day with its partitions on the worker
        FlowbillJar.Outcome managed = cluster(flowbill(db, METER)).env("FLOWBILL_PROGRESS_INTERVAL", "300ms").start()
                .finish(Patience.seconds(300));

        // then: its summary and progress count the worker's calls and items, and the worker's meters say whose
        assertThat(managed.exitCode()).as("exit code of the manager's 'meter': %s", managed.output()).isZero();
        assertThat(worker.output()).as("the worker's log").contains("Partition flowPartitionStep:");
        String metrics = get(port, "/actuator/prometheus");
        assertSoftly(softly -> {
            softly.assertThat(apiCalls(managed)).as("api calls of the manager's summary vs. one process: %s",
                    managed.output()).isEqualTo(callsAlone);
            softly.assertThat(most(managed, 2)).as("container-hours in the manager's progress lines: %s",
                    managed.output()).isPositive();
            softly.assertThat(most(managed, 1)).as("containers in the manager's progress lines: %s",
                    managed.output()).isPositive();
            softly.assertThat(metrics).as("the worker's metrics")
                    .containsPattern("flowbill_api_requests_seconds_count\\{[^}]*instance=\"worker-a\"[^}]*} [1-9]")
                    .containsPattern("flowbill_cluster_request_consumers\\{instance=\"worker-a\"} 2")
                    .containsPattern("flowbill_cluster_requests_waiting\\{instance=\"worker-a\"} 0");
        });
    }

    /** The most containers (1) or container-hours (2) a progress line of {@code run} says were done. */
    private static long most(FlowbillJar.Outcome run, int figure) {
        Matcher progress = PROGRESS.matcher(run.output());
        long most = 0;
        while (progress.find()) {
            most = Math.max(most, Long.parseLong(progress.group(figure)));
        }
        return most;
    }

    private FlowbillJar flowbill(TestDatabase.Database db, String... args) throws IOException {
        return FlowbillJar.command(args).database(db).api(api.baseUrl(), api.token())
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-observed").toString())
                .env("FLOWBILL_METERING_PARTITIONS", "4").env("FLOWBILL_METERING_CHUNK_SIZE", "50")
                .env("FLOWBILL_API_REQUESTS_PER_SECOND", "0");
    }

    private FlowbillJar cluster(FlowbillJar jar) {
        return jar.env(rabbit.environment()).env("FLOWBILL_CLUSTER_ENABLED", "true")
                .env("FLOWBILL_CLUSTER_REQUESTS_QUEUE", queue).env("FLOWBILL_CLUSTER_POLL_INTERVAL", "200ms");
    }

    private static long apiCalls(FlowbillJar.Outcome run) {
        Matcher calls = API_CALLS.matcher(run.output());
        assertThat(calls.find()).as("an 'api calls' line in: %s", run.output()).isTrue();
        return Long.parseLong(calls.group(1));
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
