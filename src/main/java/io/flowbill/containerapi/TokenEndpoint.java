package io.flowbill.containerapi;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /api/v1/token} with {@code {"app_key", "app_secret"}}, answered {@code 201 {"token": "...",
 * "expires_in": "86399"}}: the lifetime is a string of seconds (docs/container-api.md). An answer without a readable lifetime
 * gives a token that is renewed only after a 401.
 */
final class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private TokenEndpoint() {
    }

    static ApiCall<Answer> call(String appKey, String appSecret) {
        return new ApiCall<>(Endpoint.TOKEN, "/api/v1/token", null, new Request(appKey, appSecret), Answer.class);
    }

    static ApiToken toToken(Answer answer, Instant now) {
        if (answer == null || answer.token() == null || answer.token().isBlank()) {
            throw new ContainerApiException(Endpoint.TOKEN.tag(), null, 0, null, null, 1, false,
                    "the token answer holds no token", null);
        }
        Duration lifetime = lifetime(answer.expiresIn());
        if (lifetime == null) {
            log.warn("Token answer has no usable expires_in; the token will be renewed after a 401 only");
            return new ApiToken(answer.token(), now, null);
        }
        return ApiToken.expiring(answer.token(), now, lifetime);
    }

    private static Duration lifetime(String expiresIn) {
        if (expiresIn == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(expiresIn.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The token request; its {@code toString} hides the secret. */
    record Request(String appKey, String appSecret) {
        @Override
        public String toString() {
            return "TokenRequest[appKey=" + appKey + ", appSecret=" + Secrets.mask(appSecret) + "]";
        }
    }

    /** The token answer; {@code expires_in} is read as text whether the API sends a string or a number. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String token, String expiresIn) {
        @Override
        public String toString() {
            return "TokenAnswer[token=" + Secrets.mask(token) + ", expiresIn=" + expiresIn + "]";
        }
    }
}
