package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** An account's request limit: at most N requests in any second, each account on its own. */
class AccountLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private AccountLimits limits(int perSecond) {
        return new AccountLimits(new RequestLimit(perSecond, RequestLimit.Answer.FREQ_OUT_OF_LIMIT), nanos::get);
    }

    @Test
    void admitsNRequestsInASecondAndRefusesTheNext() {
        AccountLimits limits = limits(3);

        assertThat(limits.admit("a")).isTrue();
        nanos.addAndGet(100_000_000L);
        assertThat(limits.admit("a")).isTrue();
        assertThat(limits.admit("a")).isTrue();
        assertThat(limits.admit("a")).as("4th request within the second").isFalse();
    }

    @Test
    void aSlotFreesExactlyOneSecondAfterTheRequestThatTookIt() {
        AccountLimits limits = limits(2);
        limits.admit("a");
        nanos.addAndGet(500_000_000L);
        limits.admit("a");

        nanos.addAndGet(499_999_999L);
        assertThat(limits.admit("a")).as("999.999999 ms after the first").isFalse();
        nanos.addAndGet(1);
        assertThat(limits.admit("a")).as("1 s after the first").isTrue();
        assertThat(limits.admit("a")).as("the second's slot is still taken").isFalse();
    }

    @Test
    void refusedRequestsDoNotCount() {
        AccountLimits limits = limits(1);
        limits.admit("a");
        for (int i = 0; i < 10; i++) {
            nanos.addAndGet(50_000_000L);
            limits.admit("a");
        }

        nanos.set(2_000_000_000L);
        assertThat(limits.admit("a")).as("a second after the only admitted request").isTrue();
    }

    @Test
    void oneAccountsLoadNeverRefusesAnother() {
        AccountLimits limits = limits(2);
        limits.admit("a");
        limits.admit("a");

        assertThat(limits.admit("a")).isFalse();
        assertThat(limits.admit("b")).isTrue();
        assertThat(limits.admit("b")).isTrue();
    }

    @Test
    void zeroMeansNoLimit() {
        AccountLimits limits = limits(0);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limits.admit("a")).isTrue();
        }
    }
}
