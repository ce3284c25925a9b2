package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(1_000_000 * MS);

    @Test
    void spacesRequestsOneIntervalApartAfterTheBurst() {
        RateLimiter limiter = new RateLimiter(100, nanos::get);   // 10 ms apart, burst of 10

        long[] waits = new long[12];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = limiter.reserve();
        }

        assertThat(waits).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10 * MS, 20 * MS);
    }

    @Test
    void refillsWhileIdle() {
        RateLimiter limiter = new RateLimiter(10, nanos::get);   // 100 ms apart, burst of 1
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100 * MS);

        nanos.addAndGet(1000 * MS);

        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100 * MS);
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, nanos::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.reserve()).isZero();
        }
    }
}
