package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Tokens and app secrets never show in toString, messages, exceptions or logs. */
@ExtendWith(OutputCaptureExtension.class)
class SecretMaskingTest {

    private static final String SECRET = "s3cr3t-Value-42";

    @Test
    void propertiesHideTheTokenAndTheAppSecret() {
        var withToken = ContainerApiProperties.defaults(URI.create("http://api")).withToken(SECRET);
        var withApp = ContainerApiProperties.defaults(URI.create("http://api")).withAppCredentials("key-9", SECRET);

        assertThat(withToken.toString()).doesNotContain(SECRET).contains("token=****");
        assertThat(withApp.toString()).doesNotContain(SECRET).contains("appSecret=****").contains("appKey=key-9");
    }

    @Test
    void propertiesWithoutSecretsSayNull() {
        assertThat(ContainerApiProperties.defaults(null).toString()).contains("token=null", "appSecret=null");
    }

    @Test
    void theTokenHolderHidesItsValue() {
        ApiToken token = ApiToken.expiring(SECRET, Instant.EPOCH, Duration.ofHours(24));

        assertThat(token.toString()).doesNotContain(SECRET).isEqualTo("ApiToken[****, expiresAt=1970-01-02T00:00:00Z]");
        assertThat(token.authorizationHeader()).isEqualTo("Token " + SECRET);
    }

    @Test
    void theTokenRequestAndAnswerHideTheirSecrets() {
        assertThat(TokenEndpoint.call("key-9", SECRET).toString()).doesNotContain(SECRET).contains("appKey=key-9");
        assertThat(new TokenEndpoint.Answer(SECRET, "86399").toString()).doesNotContain(SECRET).contains("86399");
    }

    @Test
    void aTokenEchoedByTheServerIsScrubbedFromTheException() throws Exception {
        try (StubApi api = new StubApi();
                ContainerApiClient client = new ContainerApiClient(
                        ContainerApiProperties.defaults(api.baseUrl()).withToken(SECRET)
                                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                        new SimpleMeterRegistry())) {
            api.script("GET /api/v1/containers/7",
                    json(400, "{\"code\": 4000001, \"message\": \"bad header Token " + SECRET + "\"}"));
            api.script("GET /api/v1/containers/8", json(502, "<h1>upstream said " + SECRET + "</h1>"));

            var json = catchThrowableOfType(ContainerApiException.class, () -> client.get(7));
            var text = catchThrowableOfType(ContainerApiException.class, () -> client.modify(8, null));

            assertThat(json.apiMessage()).isEqualTo("bad header Token ****");
            assertThat(json.toString()).doesNotContain(SECRET);
            assertThat(text.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void scrubbingLeavesTextWithoutTheSecretAlone() {
        assertThat(Secrets.scrub("nothing here", SECRET)).isEqualTo("nothing here");
        assertThat(Secrets.scrub(null, SECRET)).isNull();
        assertThat(Secrets.scrub("x", "")).isEqualTo("x");
    }

    @Test
    void issuedTokensNeverReachTheLog(CapturedOutput output) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("io.flowbill.containerapi");
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try (StubApi api = new StubApi();
                ContainerApiClient client = new ContainerApiClient(ContainerApiProperties.defaults(api.baseUrl())
                        .withAppCredentials("key-9", SECRET).withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)),
                        new SimpleMeterRegistry())) {
            api.script("POST /api/v1/token", json(201, "{\"token\": \"issued-A-93c1\", \"expires_in\": \"86399\"}"),
                    json(201, "{\"token\": \"issued-B-27f4\", \"expires_in\": \"86399\"}"));
            api.script("GET /api/v1/containers/7", json(401, "{\"code\": 4010001}"), json(503, "{}"),
                    json(200, "{\"id\": 7}"));

            client.get(7);
        } finally {
            logger.setLevel(before);
        }

        assertThat(output.getAll()).contains("Obtained a container API token (unauthorized)", "retry 1/2")
                .doesNotContain("issued-A-93c1", "issued-B-27f4", SECRET);
    }
}
