package io.flowbill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wait between a delivery's attempts: doubling from 30 s, capped, jittered down to half. */
class WebhookBackoffTest {

    static final Duration INITIAL = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void doublesFromTheInitialWaitWithoutJitter() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 1.0);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(1920));
    }

    @Test
    void isCappedAtTheLongestWaitAlsoAfterManyFailures() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 1.0);

        assertThat(backoff.after(8)).isEqualTo(MAX);
        assertThat(backoff.after(100)).isEqualTo(MAX);
    }

    @Test
    void jitterShortensTheWaitToNoLessThanHalf() {
        assertThat(new Backoff(INITIAL, MAX, () -> 0.0).after(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new Backoff(INITIAL, MAX, () -> 0.5).after(2)).isEqualTo(Duration.ofSeconds(45));
    }
}
