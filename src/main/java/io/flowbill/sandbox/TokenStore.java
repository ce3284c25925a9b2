package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks tokens: static tokens valid for ever, and tokens from {@code POST /token} that expire after
 * the configured time on the {@link SandboxClock}. Each static token is an account of its own; the issued tokens
 * are the app key's account (one user, however many tokens it renews), as {@link AccountLimits} counts them.
 */
final class TokenStore {

    private final String appKey;
    private final String appSecret;
    private final String staticToken;
    private final List<String> moreTokens;
    private final Duration ttl;
    private final SandboxClock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    TokenStore(String appKey, String appSecret, String staticToken, List<String> moreTokens, Duration ttl,
            SandboxClock clock) {
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.staticToken = Objects.requireNonNull(staticToken, "staticToken");
        this.moreTokens = List.copyOf(moreTokens);
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

    /**
     * The account the token belongs to ({@code static-0} the static token, {@code static-N} the N-th of the more
     * tokens, {@code app} every issued one), or null for a missing, unknown or expired token.
     */
    String account(String token) {
        if (token == null) {
            return null;
        }
        if (staticToken.equals(token)) {
            return "static-0";
        }
        int more = moreTokens.indexOf(token);
        if (more >= 0) {
            return "static-" + (more + 1);
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry) ? "app" : null;
    }
}
