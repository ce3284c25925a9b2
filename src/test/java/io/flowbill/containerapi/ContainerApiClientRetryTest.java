package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.dropped;
import static io.flowbill.containerapi.StubApi.Answer.error;
import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which failures are retried, how long the client waits, and how it gives up. */
class ContainerApiClientRetryTest {

    private static final String GET_7 = "GET /api/v1/containers/7";
    private static final String DETAIL_7 = "{\"id\": 7, \"status\": \"create_succ\"}";

    private StubApi api;
    private SimpleMeterRegistry registry;
    private ContainerApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
        registry = new SimpleMeterRegistry();
        client = new ContainerApiClient(settings(api.baseUrl()), registry);
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    /** Timeouts no loaded machine reaches by accident: an unplanned timeout would repeat an unscripted request. */
    private static ContainerApiProperties settings(URI baseUrl) {
        return ContainerApiProperties.defaults(baseUrl).withToken("tok-retry")
                .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20))
                .withTimeouts(Patience.seconds(5), Patience.seconds(5));
    }

    private double retries(String reason) {
        var counter = registry.find(ApiMetrics.RETRIES).tag("endpoint", "get").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private long requests(String endpoint, String outcome) {
        var timer = registry.find(ApiMetrics.REQUESTS).tag("endpoint", endpoint).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void retriesTheCloudsRateLimitAnswer403() {
        api.script(GET_7, error(403, 4030001, "Api freq out of limit"), json(200, DETAIL_7));

        assertThat(client.get(7).id()).isEqualTo(7);
        assertThat(retries("rate_limited")).isEqualTo(1);
        assertThat(requests("get", "rate_limited")).isEqualTo(1);
        assertThat(requests("get", "success")).isEqualTo(1);
    }

    @Test
    void doesNotRetryOther403s() {
        api.script(GET_7, error(403, 4030148, "Account balance is insufficient"), json(200, DETAIL_7));

        assertThatThrownBy(() -> client.get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.apiCode()).isEqualTo(4030148);
            assertThat(e.isRateLimited()).isFalse();
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void honoursRetryAfterOn429() {
        api.script(GET_7, error(429, 4290000, "slow down").withHeader("Retry-After", "1"), json(200, DETAIL_7));

        long started = System.nanoTime();
        client.get(7);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(retries("rate_limited")).isEqualTo(1);
    }

    @Test
    void retries5xxForReadsButNotForCreation() {
        api.script(GET_7, error(503, 5030000, "busy"), error(500, 5000000, "oops"), json(200, DETAIL_7));
        api.script("POST /api/v1/containers", error(500, 5000001, "Create container error"));

        assertThat(client.get(7).id()).isEqualTo(7);
        assertThat(retries("server_error")).isEqualTo(2);
        assertThatThrownBy(() -> client.create(CreateContainerRequest.packaged(1, 1, 2, "x")))
                .isInstanceOfSatisfying(ContainerApiException.class, e -> {
                    assertThat(e.apiCode()).isEqualTo(5000001);
                    assertThat(e.retriesExhausted()).isFalse();
                });
        assertThat(api.requests("POST /api/v1/containers")).hasSize(1);
    }

    @Test
    void retriesCreationAfterTheRateLimitAnswer() {
        api.script("POST /api/v1/containers", error(403, 4030001, "Api freq out of limit"), json(201, "{\"id\": 5}"));

        assertThat(client.create(CreateContainerRequest.packaged(1, 1, 2, "x"))).isEqualTo(5);
    }

    @Test
    void retriesATimeout() {
        // the first answer comes long after the 1 s timeout; the second within the scaled patience
        Duration timeout = Patience.seconds(1);
        client.close();
        client = new ContainerApiClient(settings(api.baseUrl()).withTimeouts(Patience.seconds(5), timeout), registry);
        api.script(GET_7, json(200, DETAIL_7).after(timeout.toMillis() + 5_000), json(200, DETAIL_7));

        assertThat(client.get(7).id()).isEqualTo(7);
        assertThat(retries("timeout")).isEqualTo(1);
        assertThat(requests("get", "timeout")).isEqualTo(1);
    }

    @Test
    void retriesADroppedConnection() {
        api.script(GET_7, dropped(), dropped(), json(200, DETAIL_7));

        assertThat(client.get(7).id()).isEqualTo(7);
        assertThat(retries("io_error")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void retriesWhenNoServerListens() throws IOException {
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (ContainerApiClient offline = new ContainerApiClient(settings(nobody), registry)) {
            assertThatThrownBy(() -> offline.get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
                assertThat(e.retriesExhausted()).isTrue();
                assertThat(e.attempts()).isEqualTo(4);
                assertThat(e.httpStatus()).isZero();
                assertThat(e.getMessage()).contains("get container 7: gave up after 4 attempts; last: connection failed");
            });
        }
        assertThat(retries("io_error")).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetriesSayingSo() {
        api.always(GET_7, r -> error(503, 5030000, "still busy"));

        assertThatThrownBy(() -> client.get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.retriesExhausted()).isTrue();
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.endpoint()).isEqualTo("get");
            assertThat(e.containerId()).isEqualTo(7L);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.apiCode()).isEqualTo(5030000);
            assertThat(e.getMessage()).isEqualTo(
                    "get container 7: gave up after 4 attempts; last: server error (HTTP 503, code 5030000, 'still busy')");
        });
        assertThat(api.requests()).hasSize(4);
        assertThat(client.stats()).isEqualTo(new ContainerApiStats(1, 4, 3, 1, 0));
    }

    @Test
    void surfacesInvalidParametersAtOnceWithTheApiCodeAndMessage() {
        api.script("GET /api/v1/containers", error(400, 4000001, "Invalid parameters"));

        assertThatThrownBy(() -> client.list(31, 0)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.isInvalidParameters()).isTrue();
            assertThat(e.endpoint()).isEqualTo("list");
            assertThat(e.containerId()).isNull();
            assertThat(e.getMessage()).isEqualTo("list: refused (HTTP 400, code 4000001, 'Invalid parameters')");
        });
        assertThat(requests("list", "client_error")).isEqualTo(1);
    }

    @Test
    void reportsAGoneContainerAsNotFound() {
        api.script(GET_7, error(404, 4040002, "No such container"));

        assertThatThrownBy(() -> client.get(7)).isInstanceOfSatisfying(ContainerNotFoundException.class, e -> {
            assertThat(e.isNotFound()).isTrue();
            assertThat(e.containerId()).isEqualTo(7L);
        });
        assertThat(requests("get", "not_found")).isEqualTo(1);
    }

    @Test
    void aPlain404IsNotAGoneContainer() {
        api.script(GET_7, json(404, "<html>no route</html>"));

        assertThatThrownBy(() -> client.get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e).isNotInstanceOf(ContainerNotFoundException.class);
            assertThat(e.isNotFound()).isFalse();
            assertThat(e.apiMessage()).isEqualTo("<html>no route</html>");
        });
    }

    @Test
    void anUnreadableAnswerFailsWithoutRetrying() {
        api.script("GET /api/v1/containers/images", json(200, ApiSamples.IMAGES_AS_PRINTED));

        assertThatThrownBy(() -> client.images()).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.endpoint()).isEqualTo("images");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.getMessage()).startsWith("images: unreadable answer: ");
        });
        assertThat(api.requests()).hasSize(1);
        assertThat(requests("images", "invalid_response")).isEqualTo(1);
    }

    @Test
    void anEmptySuccessBodyIsUnreadableWhereAValueIsExpected() {
        api.script(GET_7, json(200, ""));

        assertThatThrownBy(() -> client.get(7)).isInstanceOf(ContainerApiException.class).hasMessageContaining("unreadable");
    }
}
