package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks tokens: one static token valid for ever, and tokens from {@code POST /token} that expire after
 * the configured time on the {@link SandboxClock}.
 */
final class TokenStore {

    private final String appKey;
    private final String appSecret;
    private final String staticToken;
    private final Duration ttl;
    private final SandboxClock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    TokenStore(String appKey, String appSecret, String staticToken, Duration ttl, SandboxClock clock) {
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.staticToken = Objects.requireNonNull(staticToken, "staticToken");
        this.ttl = ttl;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    /** A new token for the right key and secret; 401 otherwise. */
    String issue(String key, String secret) {
        if (!appKey.equals(key) || !appSecret.equals(secret)) {
            throw new SandboxApiException(ApiError.UNAUTHORIZED, "wrong app_key or app_secret");
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = Secrets.random(16);
        expiries.put(token, now.plus(ttl));
        return token;
    }

    /** Whether the token is the static one or an issued one not yet expired. */
    boolean valid(String token) {
        if (staticToken.equals(token)) {
            return true;
        }
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }
}
