package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static Backoff backoff(double random) {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), () -> random);
    }

    @ParameterizedTest(name = "retry {0}: ceiling {1} ms")
    @CsvSource({"1, 200", "2, 400", "3, 800", "4, 1600", "6, 6400", "7, 10000", "30, 10000", "2000, 10000"})
    void doublesFromTheInitialBackoffUpToTheMaximum(int retry, long ceilingMillis) {
        assertThat(backoff(0).ceiling(retry)).isEqualTo(Duration.ofMillis(ceilingMillis));
    }

    @Test
    void jittersWithinTheUpperHalfOfTheCeiling() {
        assertThat(backoff(0.0).delay(3, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff(0.5).delay(3, null)).isEqualTo(Duration.ofMillis(600));
        assertThat(backoff(0.999).delay(3, null)).isLessThan(Duration.ofMillis(800)).isGreaterThan(Duration.ofMillis(799));
    }

    @Test
    void realJitterStaysInItsBounds() {
        Backoff real = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

        for (int i = 0; i < 1000; i++) {
            assertThat(real.delay(2, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }

    @Test
    void retryAfterIsAFloor() {
        assertThat(backoff(0).delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff(0).delay(5, Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void retryAfterIsCapped() {
        assertThat(backoff(0).delay(1, Duration.ofHours(2))).isEqualTo(Backoff.RETRY_AFTER_CAP);
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> backoff(0).ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
