package io.flowbill.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and checks API keys. A key is shown once, by {@link #create}; afterwards only its id and
 * the hash of its secret exist. A revoked key never authenticates again.
 */
@Service
public class ApiKeys {

    /** How often a key's last use is written at most. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A new key and its text, which nothing keeps. */
    public record Created(ApiKey key, String text) {

        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    private final ApiKeyStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Created create(String tenant, ApiRole role, String name) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a key belongs to a tenant");
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        ApiKey key = new ApiKey(secret.id(), tenant, role, name, clock.instant().truncatedTo(ChronoUnit.MICROS), null,
                null);
        store.insert(key, secret.hash());
        return new Created(key, secret.text());
    }

    public List<ApiKey> list() {
        return store.all();
    }

    /** Revokes the key with this id; false when there is none or it is revoked already. */
    public boolean revoke(String id) {
        return store.revoke(id, clock.instant());
    }

    /**
     * The key {@code text} is, when it is well formed, known, not revoked and its secret matches. Its last use is
     * written when the one read with it is older than {@link #LAST_USED_PRECISION}: a busy key costs one read per
     * request and one write a minute, not a write per request.
     */
    public Optional<ApiKey> authenticate(String text) {
        Optional<ApiKeySecret> sent = ApiKeySecret.parse(text);
        Optional<ApiKey> key = sent.flatMap(secret -> store.find(secret.id())
                .filter(stored -> secret.matches(stored.secretHash()))
                .map(ApiKeyStore.Stored::key))
                .filter(found -> !found.isRevoked());
        Instant now = clock.instant();
        key.filter(found -> found.lastUsed() == null || !found.lastUsed().isAfter(now.minus(LAST_USED_PRECISION)))
                .ifPresent(found -> store.used(found.id(), now, LAST_USED_PRECISION));
        return key;
    }
}
