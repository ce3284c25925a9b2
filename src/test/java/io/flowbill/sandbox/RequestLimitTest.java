package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The sandbox's account limit over HTTP: the requests above it answered as the cloud does (403/4030001) or as HTTP
 * does (429 with Retry-After), per account (each static token; the issued tokens together), after the token check.
 * A limit of 5 per second and bursts of a few requests, sent in far less than the second that would free a slot.
 */
class RequestLimitTest {

    private static final int LIMIT = 5;

    private static SandboxConfig config(RequestLimit.Answer answer) {
        return SandboxConfig.defaults().withContainers(3).withThreads(8).withStaticToken("token-a")
                .withMoreTokens(List.of("token-b")).withCredentials("key", "secret")
                .withRequestLimit(new RequestLimit(LIMIT, answer));
    }

    @Test
    void answersTheCloudsRateLimitAboveTheLimit() {
        try (SandboxServer sandbox = SandboxServer.start(config(RequestLimit.Answer.FREQ_OUT_OF_LIMIT))) {
            List<SandboxHttp.Reply> replies = burst(new SandboxHttp(sandbox), LIMIT + 3);

            List<SandboxHttp.Reply> refused = replies.stream().filter(r -> r.status() != 200).toList();
            assertThat(refused).as("requests above %d in a second", LIMIT).hasSize(3)
                    .allSatisfy(reply -> {
                        assertThat(reply.status()).isEqualTo(403);
                        assertThat(reply.code()).isEqualTo(4030001);
                        assertThat(reply.headers().firstValue("Retry-After")).isEmpty();
                    });
            assertThat(sandbox.stats().refusedOverLimit()).isEqualTo(3);
        }
    }

    @Test
    void answers429WithRetryAfterWhenAskedTo() {
        try (SandboxServer sandbox = SandboxServer.start(config(RequestLimit.Answer.TOO_MANY_REQUESTS))) {
            List<SandboxHttp.Reply> replies = burst(new SandboxHttp(sandbox), LIMIT + 1);

            SandboxHttp.Reply last = replies.get(replies.size() - 1);
            assertThat(last.status()).as("the request above the limit: %s", last).isEqualTo(429);
            assertThat(last.code()).isEqualTo(4290001);
            assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void eachStaticTokenIsAnAccountOfItsOwn() {
        try (SandboxServer sandbox = SandboxServer.start(config(RequestLimit.Answer.FREQ_OUT_OF_LIMIT))) {
            SandboxHttp a = new SandboxHttp(sandbox);
            burst(a, LIMIT);

            assertThat(a.get("/api/v1/containers/images").status()).as("token-a over its limit").isEqualTo(403);
            assertThat(a.withAuthorization("Token token-b").get("/api/v1/containers/images").status())
                    .as("token-b, another account").isEqualTo(200);
        }
    }

    @Test
    void issuedTokensShareTheAppKeysLimitAndUnknownTokensAreRefusedBeforeIt() {
        try (SandboxServer sandbox = SandboxServer.start(config(RequestLimit.Answer.FREQ_OUT_OF_LIMIT))) {
            SandboxHttp anonymous = new SandboxHttp(sandbox).withAuthorization(null);
            String first = token(anonymous);
            String second = token(anonymous);
            burst(anonymous.withAuthorization("Token " + first), LIMIT);

            assertThat(anonymous.withAuthorization("Token " + second).get("/api/v1/containers/images").status())
                    .as("another token of the same app key").isEqualTo(403);
            assertThat(anonymous.withAuthorization("Token wrong").get("/api/v1/containers/images").status())
                    .as("an unknown token").isEqualTo(401);
            assertThat(new SandboxHttp(sandbox).get("/api/v1/containers/images").status())
                    .as("the static token, its own account").isEqualTo(200);
        }
    }

    private static String token(SandboxHttp http) {
        return http.post("/api/v1/token", "{\"app_key\": \"key\", \"app_secret\": \"secret\"}").json().get("token")
                .asString();
    }

    private static List<SandboxHttp.Reply> burst(SandboxHttp http, int requests) {
        List<SandboxHttp.Reply> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(http.get("/api/v1/containers/images"));
        }
        return replies;
    }
}
