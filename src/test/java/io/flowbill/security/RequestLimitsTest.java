package io.flowbill.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The token bucket with worked numbers: 2 requests per second, a burst of 3. A full bucket lets 3 through at once;
 * the 4th waits (1 - 0) / 2 = 0.5 s; after 0.5 s one token is back; at 0.25 s past that half a token is there and
 * the wait is (1 - 0.5) / 2 = 0.25 s; after a long pause the bucket holds 3 again, never more.
 */
class RequestLimitsTest {

    static final Instant START = Instant.parse("2026-12-07T12:00:00Z");

    final MovingClock clock = new MovingClock(START);
    final RequestLimits limits = new RequestLimits(2, 3, clock);

    @Test
    void aFullBucketLetsTheBurstThroughThenAsksToWaitForTheNextToken() {
        assertThat(limits.take("key:a")).isEmpty();
        assertThat(limits.take("key:a")).isEmpty();
        assertThat(limits.take("key:a")).isEmpty();

        assertThat(limits.take("key:a")).contains(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheRate() {
        drain("key:a", 3);

        clock.advance(Duration.ofMillis(500));
        assertThat(limits.take("key:a")).as("one token back after 0.5 s").isEmpty();
        clock.advance(Duration.ofMillis(250));
        assertThat(limits.take("key:a")).as("half a token after 0.25 s more").contains(Duration.ofMillis(250));
        clock.advance(Duration.ofMillis(250));
        assertThat(limits.take("key:a")).as("a whole token after 0.5 s").isEmpty();
    }

    @Test
    void aLongPauseRefillsTheBucketToTheBurstAndNoMore() {
        drain("key:a", 3);

        clock.advance(Duration.ofMinutes(10));

        drain("key:a", 3);
        assertThat(limits.take("key:a")).contains(Duration.ofMillis(500));
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        drain("key:a", 3);

        assertThat(limits.take("key:a")).isPresent();
        assertThat(limits.take("key:b")).isEmpty();
    }

    @Test
    void zeroPerSecondLimitsNothing() {
        RequestLimits unlimited = new RequestLimits(0, 1, clock);

        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.take("key:a")).as("request %s", i).isEmpty();
        }
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RequestLimits.retryAfterSeconds(Duration.ofMillis(250))).isEqualTo(1);
        assertThat(RequestLimits.retryAfterSeconds(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(RequestLimits.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RequestLimits.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }

    private void drain(String caller, int requests) {
        for (int i = 0; i < requests; i++) {
            Optional<Duration> wait = limits.take(caller);
            assertThat(wait).as("request %s of %s", i + 1, requests).isEmpty();
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
