package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxHttp.Reply;
import tools.jackson.databind.JsonNode;

class FaultInjectionTest {

    private static final String LIST = "/api/v1/containers";

    private SandboxServer sandbox;
    private SandboxHttp http;
    private FaultSettings faults;
    private String flowPath;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        http = new SandboxHttp(sandbox);
        faults = sandbox.faults();
        flowPath = "/api/v1/containers/" + sandbox.fleet().list().get(2).id() + "/flow";
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void noFaultHappensWhenAllAreOff() {
        for (int i = 0; i < 100; i++) {
            assertThat(http.get(i % 2 == 0 ? LIST : flowPath).status()).isEqualTo(200);
            assertThat(FlowFormat.parseMb(http.get(flowPath).json().get("container_up_flow").stringValue()))
                    .isNotNegative();
        }
        assertThat(sandbox.stats().droppedConnections()).isZero();
    }

    @Test
    void serverErrorRateAnswers500With5000001() {
        faults.serverErrors(1);

        Reply reply = http.get(LIST);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo(5000001);
    }

    @Test
    void unavailableRateAnswers503() {
        faults.unavailable(1);

        assertThat(http.get(LIST).status()).isEqualTo(503);
    }

    @Test
    void tooManyRequestsCarryRetryAfterInSeconds() {
        faults.tooManyRequests(1, 7);

        Reply reply = http.get(LIST);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void aHalfRateFailsAboutHalfTheRequests() {
        faults.serverErrors(0.5);

        long failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += http.get(LIST).status() == 500 ? 1 : 0;
        }

        assertThat(failed).isBetween(70L, 130L);
    }

    @Test
    void rateLimitAnswers403With4030001WhenExceeded() {
        faults.rateLimit(1);

        // how many fall into one wall-clock second depends on the machine's speed; the counting itself is
        // rateLimitCountsRequestsPerClockSecond's; 20 requests in 20 different seconds would take 19 s
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(http.get(LIST));
        }

        List<Reply> limited = replies.stream().filter(r -> r.status() == 403).toList();
        assertThat(limited).isNotEmpty().allSatisfy(r -> assertThat(r.code()).isEqualTo(4030001));
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(200, 403));
        assertThat(replies.get(0).status()).isEqualTo(200);
    }

    @Test
    void rateLimitCountsRequestsPerClockSecond() {
        AtomicLong nanos = new AtomicLong(7_000_000_000L);
        FaultInjector.RateLimiter limiter = new FaultInjector.RateLimiter(nanos::get);

        long admitted = IntStream.range(0, 20).filter(i -> limiter.tryAcquire(5)).count();
        nanos.addAndGet(999_999_999L);
        boolean lastNanosecond = limiter.tryAcquire(5);
        nanos.addAndGet(1);
        long nextSecond = IntStream.range(0, 20).filter(i -> limiter.tryAcquire(5)).count();

        assertThat(admitted).as("20 requests within one second at 5 per second").isEqualTo(5);
        assertThat(lastNanosecond).as("the last nanosecond of the same second").isFalse();
        assertThat(nextSecond).as("the next second starts afresh").isEqualTo(5);
    }

    @Test
    void latencyDelaysEveryAnswerUntilSwitchedOff() {
        faults.latency(Duration.ofMillis(300), Duration.ofMillis(50));
        long started = System.nanoTime();
        http.get(LIST);
        long delayed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        faults.latency(Duration.ZERO, Duration.ZERO);
        FaultInjector injector = new FaultInjector(faults, 7);

        // a lower bound only: a loaded machine makes every answer slower, never faster
        assertThat(delayed).isGreaterThanOrEqualTo(300);
        assertThat(injector.latencyMillis()).as("added latency once switched off").isZero();
    }

    @Test
    void droppedConnectionClosesWithoutAnAnswer() {
        // the JDK client silently retries an idempotent request once when the connection closes: drop both
        faults.failNext(Endpoint.LIST, 2, Fault.DROP_CONNECTION);

        IOException dropped = http.failure("GET", LIST);

        assertThat(dropped).isNotNull();
        assertThat(sandbox.stats().droppedConnections()).isEqualTo(2);
        assertThat(sandbox.stats().requests(Endpoint.LIST)).isEqualTo(2);
        assertThat(http.get(LIST).status()).isEqualTo(200);
    }

    @Test
    void aSingleDroppedConnectionIsRetriedByTheJdkClient() {
        faults.failNext(Endpoint.LIST, 1, Fault.DROP_CONNECTION);

        assertThat(http.get(LIST).status()).isEqualTo(200);
        assertThat(sandbox.stats().droppedConnections()).isEqualTo(1);
        assertThat(sandbox.stats().requests(Endpoint.LIST)).isEqualTo(2);
    }

    @Test
    void dropConnectionRateDropsEveryConnection() {
        faults.droppedConnections(1);

        assertThat(http.failure("GET", flowPath)).isNotNull();
        assertThat(http.failure("GET", LIST)).isNotNull();
    }

    @Test
    void malformedFlowRateCorruptsFlowValues() {
        faults.malformedFlows(1);
        List<String> malformed = Arrays.stream(MalformedFlow.values()).map(MalformedFlow::value).toList();

        for (int i = 0; i < 30; i++) {
            JsonNode answer = http.get(flowPath).json();
            String up = answer.get("container_up_flow").isNull() ? null : answer.get("container_up_flow").stringValue();
            assertThat(malformed).contains(up);
        }
        assertThat(http.get(LIST).status()).isEqualTo(200);
    }

    @Test
    void malformedFlowForOneContainerLeavesOthersAlone() {
        long broken = sandbox.fleet().list().get(8).id();
        faults.malformedFlowFor(broken, MalformedFlow.NULL_FIELD);

        JsonNode brokenAnswer = http.get("/api/v1/containers/" + broken + "/flow").json();
        JsonNode fineAnswer = http.get(flowPath).json();

        assertThat(brokenAnswer.get("container_up_flow").isNull()).isTrue();
        assertThat(brokenAnswer.has("container_down_flow")).isTrue();
        assertThat(fineAnswer.get("container_up_flow").stringValue()).endsWith("MB");

        faults.malformedFlowFor(broken, null);
        assertThat(http.get("/api/v1/containers/" + broken + "/flow").json().get("container_up_flow").isString())
                .isTrue();
    }

    @Test
    void failNextFailsExactlyThatManyRequestsThenRecovers() {
        faults.failNext(3, Fault.SERVER_ERROR);

        assertThat(List.of(http.get(LIST).status(), http.get(flowPath).status(), http.get(LIST).status(),
                http.get(LIST).status())).containsExactly(500, 500, 500, 200);
        assertThat(faults.pendingFailures()).isZero();
    }

    @Test
    void failNextForAnEndpointSparesTheOthers() {
        faults.failNext(Endpoint.FLOW, 2, Fault.SERVICE_UNAVAILABLE);

        assertThat(http.get(LIST).status()).isEqualTo(200);
        assertThat(http.get(flowPath).status()).isEqualTo(503);
        assertThat(http.get(flowPath).status()).isEqualTo(503);
        assertThat(http.get(flowPath).status()).isEqualTo(200);
    }

    @Test
    void failNextMalformedFlowWaitsForAFlowRequest() {
        faults.failNext(1, Fault.MALFORMED_FLOW);

        assertThat(http.get(LIST).status()).isEqualTo(200);
        JsonNode corrupted = http.get(flowPath).json();
        JsonNode clean = http.get(flowPath).json();

        assertThat(corrupted.get("container_up_flow").isString()
                && corrupted.get("container_up_flow").stringValue().matches("\\d+\\.\\d+MB")).isFalse();
        assertThat(clean.get("container_up_flow").stringValue()).matches("\\d+\\.\\d+MB");
    }

    @Test
    void failNextRunsPlansInOrder() {
        faults.failNext(1, Fault.TOO_MANY_REQUESTS).failNext(1, Fault.RATE_LIMITED).failNext(1, Fault.UNAUTHORIZED);

        assertThat(List.of(http.get(LIST).status(), http.get(LIST).status(), http.get(LIST).status(),
                http.get(LIST).status())).containsExactly(429, 403, 401, 200);
    }

    @Test
    void faultsSwitchOffAtRuntime() {
        faults.serverErrors(1).tooManyRequests(1, 1);
        assertThat(http.get(LIST).status()).isEqualTo(500);

        faults.reset();

        assertThat(http.get(LIST).status()).isEqualTo(200);
        assertThat(faults.current()).isEqualTo(FaultConfig.none());
    }

    @Test
    void faultsConfiguredAtStartAreOnFromTheFirstRequest() {
        FaultConfig config = FaultConfig.none().withUnavailableRate(1);
        try (SandboxServer failing = SandboxServer.start(Sandboxes.smallFleet().withFaults(config))) {
            assertThat(new SandboxHttp(failing).get(LIST).status()).isEqualTo(503);
        }
    }
}
