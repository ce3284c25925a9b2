package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.flowbill.system.Patience;

class SandboxClockTest {

    private static final Instant START = Instant.parse("2017-03-01T00:00:00Z");

    @Test
    void fixedClockStandsStillUntilAdvanced() throws InterruptedException {
        SandboxClock clock = SandboxClock.fixed(START);

        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(START);

        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(90)));
    }

    @Test
    void setMovesTheClockBackAndForth() {
        SandboxClock clock = SandboxClock.fixed(START);

        clock.set(START.minusSeconds(3600));

        assertThat(clock.instant()).isEqualTo(START.minusSeconds(3600));
        assertThat(clock.isTicking()).isFalse();
    }

    @Test
    void systemClockTicksOnFromWhereItWasSet() throws InterruptedException {
        SandboxClock clock = SandboxClock.system();

        clock.set(START);
        Instant first = clock.instant();

        assertThat(first).isBetween(START, START.plus(Patience.seconds(1)));
        await().atMost(Patience.seconds(5)).until(() -> clock.instant().isAfter(first));
        assertThat(clock.isTicking()).isTrue();
    }

    @Test
    void instantsAreWholeMilliseconds() {
        SandboxClock clock = SandboxClock.fixed(Instant.parse("2017-03-01T00:00:00.123456789Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2017-03-01T00:00:00.123Z"));
    }
}
