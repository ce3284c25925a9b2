package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class AsyncPermitsTest {

    @Test
    void queuesBeyondThePermitsAndServesInOrder() {
        AsyncPermits permits = new AsyncPermits(2);

        CompletableFuture<Void> a = permits.acquire();
        CompletableFuture<Void> b = permits.acquire();
        CompletableFuture<Void> c = permits.acquire();
        CompletableFuture<Void> d = permits.acquire();

        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(permits.waiting()).isEqualTo(2);
        permits.release();
        assertThat(c).isDone();
        assertThat(d).isNotDone();
        permits.release();
        permits.release();
        permits.release();
        assertThat(d).isDone();
        assertThat(permits.available()).isEqualTo(2);
    }

    @Test
    void skipsAWaiterThatGaveUp() {
        AsyncPermits permits = new AsyncPermits(1);
        permits.acquire();
        CompletableFuture<Void> cancelled = permits.acquire();
        CompletableFuture<Void> next = permits.acquire();
        cancelled.cancel(false);

        permits.release();

        assertThat(next).isDone();
        assertThat(permits.available()).isZero();
    }
}
