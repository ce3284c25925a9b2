package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.error;
import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Static tokens, token files, and tokens obtained and renewed with the app key. */
class ContainerApiClientAuthTest {

    private static final String TOKEN = "POST /api/v1/token";
    private static final String GET_7 = "GET /api/v1/containers/7";

    private final MutableClock clock = new MutableClock(Instant.parse("2017-03-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private StubApi api;
    private ContainerApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        api.close();
    }

    private ContainerApiClient appKeyClient() {
        client = new ContainerApiClient(base().withAppCredentials("key-1", "secret-1"), registry, clock);
        return client;
    }

    private ContainerApiProperties base() {
        return ContainerApiProperties.defaults(api.baseUrl()).withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static StubApi.Answer token(String value, String expiresIn) {
        return json(201, "{\"token\": \"" + value + "\", \"expires_in\": \"" + expiresIn + "\"}");
    }

    /** 200 for {@code accepted}, 401 for any other token. */
    private void getAccepts(String accepted) {
        api.always(GET_7, r -> ("Token " + accepted).equals(r.header("Authorization"))
                ? json(200, "{\"id\": 7}") : error(401, 4010001, "Unauthorized user"));
    }

    private List<String> tokensSentTo(String route) {
        return api.requests(route).stream().map(r -> r.header("Authorization")).toList();
    }

    private double renewals(String reason) {
        var counter = registry.find(ApiMetrics.TOKEN_RENEWALS).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void obtainsATokenWithTheAppKeyAndReusesIt() {
        api.script(TOKEN, token("t1", "86399"));
        getAccepts("t1");

        appKeyClient().get(7);
        client.get(7);

        assertThat(api.requests(TOKEN)).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"app_key\":\"key-1\",\"app_secret\":\"secret-1\"}"));
        assertThat(api.requests(TOKEN).get(0).header("Authorization")).isNull();
        assertThat(tokensSentTo(GET_7)).containsExactly("Token t1", "Token t1");
        assertThat(renewals("initial")).isEqualTo(1);
    }

    @Test
    void renewsOnceAfterA401AndRepeatsTheRequestOnce() {
        api.script(TOKEN, token("t1", "86399"), token("t2", "86399"));
        getAccepts("t2");

        assertThat(appKeyClient().get(7).id()).isEqualTo(7);

        assertThat(tokensSentTo(GET_7)).containsExactly("Token t1", "Token t2");
        assertThat(renewals("unauthorized")).isEqualTo(1);
        assertThat(registry.find(ApiMetrics.RETRIES).tag("reason", "unauthorized").counter().count()).isEqualTo(1);
    }

    @Test
    void aSecond401FailsTheCallInsteadOfLooping() {
        api.script(TOKEN, token("t1", "86399"), token("t2", "86399"), token("t3", "86399"));
        getAccepts("never");

        assertThatThrownBy(() -> appKeyClient().get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.apiCode()).isEqualTo(4010001);
            assertThat(e.attempts()).isEqualTo(2);
        });
        assertThat(api.requests(TOKEN)).hasSize(2);
    }

    @Test
    void concurrent401sShareOneRenewal() {
        api.script(TOKEN, token("t1", "86399"), token("t2", "86399"), token("t3", "86399"));
        getAccepts("t1");
        appKeyClient().get(7);
        getAccepts("t2");

        List<CompletableFuture<Container>> calls = IntStream.range(0, 40).mapToObj(i -> client.getAsync(7)).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(api.requests(TOKEN)).hasSize(2);
    }

    @Test
    void renewsAheadOfExpiryWhileStillUsingTheCurrentToken() {
        api.script(TOKEN, token("t1", "100"), token("t2", "100"));
        api.always(GET_7, r -> json(200, "{\"id\": 7}"));
        appKeyClient().get(7);

        clock.advance(Duration.ofSeconds(91));
        client.get(7);
        await().atMost(Patience.seconds(5)).until(() -> api.requests(TOKEN).size() == 2);
        client.get(7);

        assertThat(tokensSentTo(GET_7)).containsExactly("Token t1", "Token t1", "Token t2");
        assertThat(renewals("expiry")).isEqualTo(1);
    }

    @Test
    void waitsForANewTokenOnceTheOldOneExpired() {
        api.script(TOKEN, token("t1", "100"), token("t2", "100"));
        getAccepts("t2");
        api.script(GET_7, json(200, "{\"id\": 7}"));
        appKeyClient().get(7);

        clock.advance(Duration.ofSeconds(100));
        client.get(7);

        assertThat(tokensSentTo(GET_7)).containsExactly("Token t1", "Token t2");
    }

    @Test
    void aTokenWithoutUsableLifetimeIsRenewedOnlyAfterA401() {
        api.script(TOKEN, token("t1", "soon"), token("t2", "86399"));
        getAccepts("t1");
        appKeyClient().get(7);
        clock.advance(Duration.ofDays(30));
        client.get(7);
        getAccepts("t2");
        client.get(7);

        assertThat(tokensSentTo(GET_7)).containsExactly("Token t1", "Token t1", "Token t1", "Token t2");
    }

    @Test
    void aRefusedTokenRequestFailsTheCallWithTheTokenEndpointsError() {
        api.always(TOKEN, r -> error(401, 4010001, "Unauthorized user"));

        assertThatThrownBy(() -> appKeyClient().get(7)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.endpoint()).isEqualTo("token");
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("secret-1");
        });
        assertThat(api.requests(GET_7)).isEmpty();
    }

    @Test
    void aTokenAnswerWithoutTokenFailsTheCall() {
        api.script(TOKEN, json(201, "{\"expires_in\": \"86399\"}"));

        assertThatThrownBy(() -> appKeyClient().get(7)).isInstanceOf(ContainerApiException.class)
                .hasMessageContaining("token: the token answer holds no token");
    }

    @Test
    void aStaticTokenRefusedWith401IsNotRetried() {
        getAccepts("right");
        client = new ContainerApiClient(base().withToken("wrong"), registry, clock);

        assertThatThrownBy(() -> client.get(7)).isInstanceOfSatisfying(ContainerApiException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(api.requests(GET_7)).hasSize(1);
    }

    @Test
    void rereadsTheTokenFileAfterA401(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "  f1\n");
        getAccepts("f2");
        client = new ContainerApiClient(new ContainerApiProperties(api.baseUrl(), null, file, null, null, null, null,
                null, 4, 0, 0, null, null), registry, clock);

        assertThatThrownBy(() -> client.get(7)).isInstanceOf(ContainerApiException.class);
        Files.writeString(file, "f2\n");
        client.get(7);

        assertThat(tokensSentTo(GET_7)).containsExactly("Token f1", "Token f1", "Token f2");
    }

    @Test
    void refusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> new ContainerApiClient(ContainerApiProperties.defaults(api.baseUrl()), registry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("token");
    }

    @Test
    void refusesToStartWithoutBaseUrl() {
        assertThatThrownBy(() -> new ContainerApiClient(ContainerApiProperties.defaults(null).withToken("t"), registry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base-url");
    }
}
