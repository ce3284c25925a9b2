package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowbill.containerapi.FlowParseException.Reason;
import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.MalformedFlow;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The sandbox's faults: which the client rides out, how long it waits, and how it gives up. */
class ContainerApiFaultContractTest {

    private static final io.flowbill.sandbox.Endpoint GET = io.flowbill.sandbox.Endpoint.GET;
    private static final io.flowbill.sandbox.Endpoint FLOW = io.flowbill.sandbox.Endpoint.FLOW;
    private static final io.flowbill.sandbox.Endpoint CREATE = io.flowbill.sandbox.Endpoint.CREATE;

    private SandboxServer sandbox;
    private SimpleMeterRegistry registry;
    private ContainerApiClient client;
    private long id;

    @BeforeEach
    void start() {
        sandbox = ContractSandbox.start();
        registry = new SimpleMeterRegistry();
        client = newClient(ContractSandbox.settings(sandbox));
        id = sandbox.fleet().list().get(0).id();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private ContainerApiClient newClient(ContainerApiProperties settings) {
        return new ContainerApiClient(settings, registry);
    }

    private double retries(String endpoint, String reason) {
        var counter = registry.find(ApiMetrics.RETRIES).tag("endpoint", endpoint).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void ridesOutTheCloudsRateLimitAnswer() {
        sandbox.faults().failNext(FLOW, 2, Fault.RATE_LIMITED);

        client.flow(id, null, null);

        assertThat(sandbox.stats().responses(403)).isEqualTo(2);
        assertThat(sandbox.stats().requests(FLOW)).isEqualTo(3);
        assertThat(retries("flow", "rate_limited")).isEqualTo(2);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() {
        sandbox.faults().tooManyRequests(0, 1).failNext(GET, 1, Fault.TOO_MANY_REQUESTS);

        long started = System.nanoTime();
        client.get(id);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(sandbox.stats().responses(429)).isEqualTo(1);
    }

    @Test
    void retries5xxForReadsButNeverRepeatsACreation() {
        sandbox.faults().failNext(GET, 1, Fault.SERVER_ERROR).failNext(GET, 1, Fault.SERVICE_UNAVAILABLE);
        sandbox.faults().failNext(CREATE, 1, Fault.SERVER_ERROR);

        client.get(id);
        assertThatThrownBy(() -> client.create(CreateContainerRequest.packaged(10, 1, 10005, "once")))
                .isInstanceOfSatisfying(ContainerApiException.class, e -> assertThat(e.apiCode()).isEqualTo(5000001));

        assertThat(sandbox.stats().requests(GET)).isEqualTo(3);
        assertThat(sandbox.stats().requests(CREATE)).isEqualTo(1);
    }

    @Test
    void retriesARequestThatTimedOut() {
        client.close();
        // retries enough that the call outlasts the latency however late the poll below sees the first request
        client = newClient(ContractSandbox.settings(sandbox).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                .withRetries(20, Duration.ofMillis(10), Duration.ofMillis(50)));
        sandbox.faults().latency(Duration.ofMillis(800), Duration.ZERO);

        CompletableFuture<Container> call = client.getAsync(id);
        await().atMost(Patience.seconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> sandbox.stats().requests(GET) >= 1);
        sandbox.faults().latency(Duration.ZERO, Duration.ZERO);

        assertThat(call.join().id()).isEqualTo(id);
        // on a loaded machine a retry may still meet the latency before it is lifted: then it times out again
        assertThat(retries("get", "timeout")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givesUpOnTimeoutsSayingSo() {
        client.close();
        client = newClient(ContractSandbox.settings(sandbox).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(100))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20)));
        sandbox.faults().latency(Duration.ofMillis(400), Duration.ZERO);

        assertThatThrownBy(() -> client.flow(id, null, null)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.retriesExhausted()).isTrue();
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getMessage()).isEqualTo("flow container " + id + ": gave up after 3 attempts; last: no answer within PT0.1S");
        });
        var timeouts = registry.find(ApiMetrics.REQUESTS).tag("endpoint", "flow").tag("outcome", "timeout").timer();
        assertThat(timeouts.count()).isEqualTo(3);
    }

    @Test
    void ridesOutDroppedConnections() {
        sandbox.faults().failNext(FLOW, 2, Fault.DROP_CONNECTION);

        client.flow(id, null, null);

        assertThat(sandbox.stats().droppedConnections()).isEqualTo(2);
        assertThat(retries("flow", "io_error")).isBetween(1.0, 2.0);
    }

    @Test
    void givesUpWithTheLastAnswerWhenRetriesRunOut() {
        sandbox.faults().failNext(GET, 10, Fault.SERVICE_UNAVAILABLE);

        assertThatThrownBy(() -> client.get(id)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.retriesExhausted()).isTrue();
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.apiCode()).isEqualTo(5030001);
            assertThat(e.getMessage()).startsWith("get container " + id + ": gave up after 4 attempts; last: server error");
        });
        assertThat(sandbox.stats().requests(GET)).isEqualTo(4);
        assertThat(client.stats().retries()).isEqualTo(3);
        assertThat(client.stats().failures()).isEqualTo(1);
    }

    @Test
    void stayingUnderTheClientRateAvoidsTheCloudsLimit() {
        client.close();
        client = newClient(ContractSandbox.settings(sandbox).withLimits(8, 15));
        sandbox.faults().rateLimit(20);

        List<CompletableFuture<ContainerFlow>> flows = sandbox.fleet().list().stream().limit(30)
                .map(c -> client.flowAsync(c.id(), null, null)).toList();
        CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).join();

        assertThat(sandbox.stats().responses(403)).isZero();
        assertThat(sandbox.stats().requests(FLOW)).isEqualTo(30);
    }

    @Test
    void ridesOutTheCloudsLimitUnderLoadWithoutAClientLimit() {
        client.close();
        client = newClient(ContractSandbox.settings(sandbox).withLimits(16, 0)
                .withRetries(20, Duration.ofMillis(50), Duration.ofSeconds(1)));
        // the sandbox counts per wall-clock second: 60 requests split over two seconds put at least 30 in one of them
        sandbox.faults().rateLimit(20);

        List<CompletableFuture<ContainerFlow>> flows = sandbox.fleet().list().stream().limit(60)
                .map(c -> client.flowAsync(c.id(), null, null)).toList();
        CompletableFuture.allOf(flows.toArray(CompletableFuture[]::new)).join();

        assertThat(sandbox.stats().responses(403)).isPositive();
        assertThat(retries("flow", "rate_limited")).isEqualTo(sandbox.stats().responses(403));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NAN, NOT_A_NUMBER", "NEGATIVE, NEGATIVE", "EMPTY, EMPTY", "NOT_A_NUMBER, NOT_A_NUMBER",
            "UNKNOWN_UNIT, UNKNOWN_UNIT", "NULL_FIELD, NULL", "OVERFLOW, TOO_LARGE"})
    void aMalformedFlowValueIsReturnedRawAndRejectedWhenParsed(MalformedFlow kind, Reason reason) {
        sandbox.faults().malformedFlowFor(id, kind);

        ContainerFlow flow = client.flow(id, null, null);

        assertThat(flow.upFlow()).isEqualTo(kind.value());
        assertThatThrownBy(() -> flow.upMegabytes(1024)).isInstanceOfSatisfying(FlowParseException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.raw()).isEqualTo(kind.value());
        });
    }
}
