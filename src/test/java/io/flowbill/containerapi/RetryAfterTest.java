package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2017-03-01T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Wed, 01 Mar 2017 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Wed, 01 Mar 2017 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsurdNumberOfSecondsIsCapped() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Backoff.RETRY_AFTER_CAP);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "2017-03-01T12:00:30Z"})
    void ignoresWhatItCannotRead(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }
}
