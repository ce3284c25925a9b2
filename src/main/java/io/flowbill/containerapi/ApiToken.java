package io.flowbill.containerapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token for the container API, sent as {@code Authorization: Token <value>}. Its {@code toString} never shows
 * the value. Tokens from the token endpoint know when they expire; static ones do not.
 *
 * @param obtainedAt when the client received it
 * @param expiresAt  when the API stops accepting it, or {@code null} when unknown
 */
record ApiToken(String value, Instant obtainedAt, Instant expiresAt) {

    /** Renew once less than this share of a token's lifetime is left. */
    static final double RENEWAL_MARGIN = 0.10;

    ApiToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token is blank");
        }
        Objects.requireNonNull(obtainedAt, "obtainedAt");
    }

    static ApiToken permanent(String value, Instant now) {
        return new ApiToken(value.strip(), now, null);
    }

    static ApiToken expiring(String value, Instant now, Duration lifetime) {
        return new ApiToken(value, now, now.plus(lifetime));
    }

    String authorizationHeader() {
        return "Token " + value;
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** True once less than {@link #RENEWAL_MARGIN} of the lifetime is left (never for a token without expiry). */
    boolean needsRenewal(Instant now) {
        if (expiresAt == null) {
            return false;
        }
        long lifetimeMillis = Duration.between(obtainedAt, expiresAt).toMillis();
        long marginMillis = (long) (lifetimeMillis * RENEWAL_MARGIN);
        return !now.isBefore(expiresAt.minusMillis(marginMillis));
    }

    @Override
    public String toString() {
        return "ApiToken[" + Secrets.MASK + ", expiresAt=" + expiresAt + "]";
    }
}
