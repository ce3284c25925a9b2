package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.error;
import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The in-flight limit, the rate limit and closing. */
class ContainerApiClientLimitsTest {

    private static final String FLOW_7 = "GET /api/v1/containers/7/flow";

    private StubApi api;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ContainerApiProperties settings(int concurrency, int perSecond) {
        return ContainerApiProperties.defaults(api.baseUrl()).withToken("tok-limits").withLimits(concurrency, perSecond)
                .withRetries(1, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static void joinAll(List<? extends CompletableFuture<?>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void keepsAtMostMaxConcurrencyRequestsInFlight() {
        api.always(FLOW_7, r -> json(200, ApiSamples.FLOW).after(50));

        try (ContainerApiClient client = new ContainerApiClient(settings(3, 0), new SimpleMeterRegistry())) {
            joinAll(IntStream.range(0, 24).mapToObj(i -> client.flowAsync(7, null, null)).toList());
        }

        assertThat(api.requests()).hasSize(24);
        assertThat(api.maxInFlight()).isEqualTo(3);
    }

    @Test
    void sendsNoMoreThanRequestsPerSecond() {
        api.always(FLOW_7, r -> json(200, ApiSamples.FLOW));

        long started = System.nanoTime();
        try (ContainerApiClient client = new ContainerApiClient(settings(32, 20), new SimpleMeterRegistry())) {
            joinAll(IntStream.range(0, 12).mapToObj(i -> client.flowAsync(7, null, null)).toList());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // 20 per second with a burst of 2: the 12th request cannot leave before 10 intervals of 50 ms
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void closingFailsCallsWaitingForARetry() throws Exception {
        api.always(FLOW_7, r -> error(503, 5030000, "busy"));
        ContainerApiClient client = new ContainerApiClient(settings(4, 0), new SimpleMeterRegistry());
        CompletableFuture<ContainerFlow> pending = client.flowAsync(7, null, null);
        await().atMost(Patience.seconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> !api.requests().isEmpty());

        client.close();

        assertThatThrownBy(() -> pending.get(Patience.seconds(2).toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ContainerApiException.class).hasMessageContaining("closed");
    }

    @Test
    void refusesCallsAfterClose() {
        ContainerApiClient client = new ContainerApiClient(settings(4, 0), new SimpleMeterRegistry());
        client.close();

        assertThatThrownBy(() -> client.get(7)).isInstanceOf(ContainerApiException.class)
                .hasMessage("get container 7: the client is closed");
        assertThat(api.requests()).isEmpty();
    }
}
