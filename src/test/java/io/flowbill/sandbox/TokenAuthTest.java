package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.sandbox.SandboxHttp.Reply;

class TokenAuthTest {

    private static final String CREDENTIALS = """
            {"app_key": "test-key", "app_secret": "test-secret"}""";

    private SandboxServer sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet().withTokenTtl(Duration.ofSeconds(5)));
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void tokenEndpointIssuesATokenWithItsLifetimeAsAString() {
        Reply reply = http.withAuthorization(null).post("/api/v1/token", CREDENTIALS);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("token").isString()).isTrue();
        assertThat(reply.json().get("expires_in").isString()).isTrue();
        assertThat(reply.json().get("expires_in").stringValue()).isEqualTo("5");
    }

    @Test
    void defaultTokenLifetimeIsADayLessASecond() {
        try (SandboxServer defaults = SandboxServer.start(SandboxConfig.defaults().withContainers(1))) {
            String body = "{\"app_key\": \"%s\", \"app_secret\": \"%s\"}"
                    .formatted(defaults.appKey(), defaults.appSecret());

            Reply reply = new SandboxHttp(defaults).post("/api/v1/token", body);

            assertThat(reply.json().get("expires_in").stringValue()).isEqualTo("86399");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token ", "token ", "TOKEN  "})
    void issuedTokenOpensTheApiWhateverTheCaseOfTheScheme(String scheme) {
        String token = http.post("/api/v1/token", CREDENTIALS).json().get("token").stringValue();

        Reply reply = http.withAuthorization(scheme + token).get("/api/v1/containers");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void staticTokenWorksInBothSpellings() {
        assertThat(http.withAuthorization("Token " + sandbox.token()).get("/api/v1/containers").status())
                .isEqualTo(200);
        assertThat(http.withAuthorization("token " + sandbox.token()).get("/api/v1/containers").status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Token", "Token nope", "Bearer test", "Basic dGVzdA=="})
    void missingOrUnknownTokenIsUnauthorized(String header) {
        Reply reply = http.withAuthorization(header.isEmpty() ? null : header).get("/api/v1/containers");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(4010001);
    }

    @Test
    void wrongSecretIsUnauthorized() {
        Reply reply = http.post("/api/v1/token", "{\"app_key\": \"test-key\", \"app_secret\": \"guess\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(4010001);
        assertThat(sandbox.stats().tokensIssued()).isZero();
    }

    @Test
    void tokenRequestWithoutSecretIsInvalid() {
        Reply reply = http.post("/api/v1/token", "{\"app_key\": \"test-key\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @Test
    void issuedTokenExpiresAfterItsLifetimeOnTheSandboxClock() {
        String token = http.post("/api/v1/token", CREDENTIALS).json().get("token").stringValue();
        SandboxHttp client = http.withAuthorization("Token " + token);

        sandbox.clock().advance(Duration.ofSeconds(4));
        assertThat(client.get("/api/v1/containers").status()).isEqualTo(200);

        sandbox.clock().advance(Duration.ofSeconds(1));
        Reply expired = client.get("/api/v1/containers");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(4010001);
        assertThat(http.get("/api/v1/containers").status()).as("the static token never expires").isEqualTo(200);
    }

    @Test
    void statsCountTokenIssuancesAndRequestsPerEndpoint() {
        http.post("/api/v1/token", CREDENTIALS);
        http.post("/api/v1/token", CREDENTIALS);
        http.get("/api/v1/containers");
        http.withAuthorization(null).get("/api/v1/containers");

        assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
        assertThat(sandbox.stats().requests(Endpoint.TOKEN)).isEqualTo(2);
        assertThat(sandbox.stats().requests(Endpoint.LIST)).isEqualTo(2);
        assertThat(sandbox.stats().responses(401)).isEqualTo(1);
        assertThat(sandbox.stats().totalRequests()).isEqualTo(4);

        sandbox.stats().reset();
        assertThat(sandbox.stats().totalRequests()).isZero();
    }
}
