package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(1_000_000 * MS);

    @Test
    void spacesRequestsOneIntervalApartAfterTheBurst() {
        RateLimiter limiter = new RateLimiter(100, nanos::get);   // 10 ms apart, burst of 10

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).as("request %d of the burst", i).isZero();
        }

        assertThat(limiter.tryAcquire()).isEqualTo(10 * MS);
        nanos.addAndGet(10 * MS);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(10 * MS);
    }

    @Test
    void refillsWhileIdle() {
        RateLimiter limiter = new RateLimiter(10, nanos::get);   // 100 ms apart, burst of 1
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(100 * MS);
        limiter.release();

        nanos.addAndGet(1000 * MS);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(100 * MS);
    }

    @Test
    void aRequestCountsUntilASecondAfterItsAnswer() {
        RateLimiter limiter = new RateLimiter(2, nanos::get);   // 500 ms apart
        assertThat(limiter.tryAcquire()).isZero();
        nanos.addAndGet(500 * MS);
        assertThat(limiter.tryAcquire()).isZero();
        nanos.addAndGet(700 * MS);
        assertThat(limiter.tryAcquire()).as("both in flight: only an answer frees a slot").isEqualTo(-1);

        limiter.release();                                       // the first answer, 1,200 ms after it was sent

        assertThat(limiter.tryAcquire()).as("the first counts until 2,200 ms").isEqualTo(1_000 * MS);
        nanos.addAndGet(1_000 * MS);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).as("the second and the third in flight").isEqualTo(-1);
    }

    @Test
    void aReleaseWakesTheCallerWaitingForIt() {
        RateLimiter limiter = new RateLimiter(1, nanos::get);
        assertThat(limiter.tryAcquire()).isZero();
        CompletableFuture<Void> released = limiter.whenReleased();
        assertThat(limiter.tryAcquire()).isEqualTo(-1);

        limiter.release();

        assertThat(released).isDone();
        assertThat(limiter.whenReleased()).isNotDone();
    }

    @Test
    void anIntervalThatDoesNotDivideASecondIsRoundedUp() {
        RateLimiter limiter = new RateLimiter(3, nanos::get);    // 333,333,334 ns apart: 3 slots never fit in 1 s - 1 ns

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(333_333_334L);
    }

    @Test
    void releasingMoreThanWasSentIsABug() {
        RateLimiter limiter = new RateLimiter(5, nanos::get);

        assertThatThrownBy(limiter::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, nanos::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        limiter.release();
    }
}
