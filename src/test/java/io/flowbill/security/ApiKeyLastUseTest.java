package io.flowbill.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A key's last use is written at most once a minute: a request whose key was used less than a minute ago writes nothing. */
class ApiKeyLastUseTest {

    static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");

    /** A store of one key, last used {@code lastUsed}, that counts the writes of its use. */
    static final class OneKey extends ApiKeyStore {

        final ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        final Instant lastUsed;
        final List<Instant> writes = new ArrayList<>();

        OneKey(Instant lastUsed) {
            super(null);
            this.lastUsed = lastUsed;
        }

        @Override
        Optional<Stored> find(String id) {
            return Optional.of(new Stored(new ApiKey(secret.id(), "acme", ApiRole.READER, null, NOW.minusSeconds(3600),
                    lastUsed, null), secret.hash()));
        }

        @Override
        void used(String id, Instant at, Duration every) {
            writes.add(at);
        }
    }

    @Test
    void aKeyUsedLessThanAMinuteAgoWritesNothing() {
        OneKey store = new OneKey(NOW.minusSeconds(59));

        assertThat(new ApiKeys(store, Clock.fixed(NOW, ZoneOffset.UTC)).authenticate(store.secret.text())).isPresent();

        assertThat(store.writes).as("writes of the last use").isEmpty();
    }

    @Test
    void aKeyUsedAMinuteAgoOrNeverWritesItsUse() {
        for (Instant lastUsed : new Instant[] { NOW.minusSeconds(60), null }) {
            OneKey store = new OneKey(lastUsed);

            assertThat(new ApiKeys(store, Clock.fixed(NOW, ZoneOffset.UTC)).authenticate(store.secret.text()))
                    .isPresent();

            assertThat(store.writes).as("writes of the last use, last used %s", lastUsed).containsExactly(NOW);
        }
    }
}
