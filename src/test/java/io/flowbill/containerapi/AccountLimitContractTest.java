package io.flowbill.containerapi;

import static io.flowbill.containerapi.AccountLimitSimulation.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.sandbox.RequestLimit;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The client against an account limit like a real cloud account's (the sandbox's {@link RequestLimit}): a client
 * sending faster than the limit is refused (403/4030001 or 429 with Retry-After), retries and ends with every
 * answer; a client whose own limit is at most the account's is never refused, however late its requests reach the
 * account and after any pause (proved on a simulated clock against the sandbox's own rule, {@link
 * AccountLimitSimulation}, and shown once on the wire).
 */
class AccountLimitContractTest {

    private static final int ACCOUNT_LIMIT = 20;

    @ParameterizedTest
    @EnumSource(RequestLimit.Answer.class)
    void aClientFasterThanItsAccountIsRefusedRetriesAndGetsEveryAnswer(RequestLimit.Answer answer) {
        try (SandboxServer sandbox = SandboxServer.start(ContractSandbox.config()
                .withRequestLimit(new RequestLimit(ACCOUNT_LIMIT, answer)));
                ContainerApiClient client = new ContainerApiClient(ContractSandbox.settings(sandbox)
                        .withRetries(8, Duration.ofMillis(100), Duration.ofSeconds(1)).withLimits(2 * ACCOUNT_LIMIT, 0),
                        new SimpleMeterRegistry())) {
            int calls = 2 * ACCOUNT_LIMIT;
            long started = System.nanoTime();

            List<ContainerFlow> flows = flows(sandbox, client, calls);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(flows).as("answers, all of them after retries").hasSize(calls).doesNotContainNull();
            assertThat(sandbox.stats().refusedOverLimit()).as("requests the account limit refused").isPositive();
            assertThat(took).as("%d calls at %d per second take at least a second", calls, ACCOUNT_LIMIT)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            if (answer == RequestLimit.Answer.TOO_MANY_REQUESTS) {
                assertThat(sandbox.stats().responses(429)).isEqualTo(sandbox.stats().refusedOverLimit());
            }
            else {
                assertThat(sandbox.stats().responses(403)).isEqualTo(sandbox.stats().refusedOverLimit());
            }
        }
    }

    @Test
    void aClientUnderItsAccountsLimitIsNeverRefused() {
        try (SandboxServer sandbox = SandboxServer.start(ContractSandbox.config().withRequestsPerSecond(ACCOUNT_LIMIT));
                ContainerApiClient client = new ContainerApiClient(ContractSandbox.settings(sandbox)
                        .withTimeouts(Patience.seconds(5), Patience.seconds(5))
                        .withLimits(8, ACCOUNT_LIMIT * 9 / 10), new SimpleMeterRegistry())) {
            List<ContainerFlow> flows = flows(sandbox, client, 2 * ACCOUNT_LIMIT);

            assertThat(flows).hasSize(2 * ACCOUNT_LIMIT);
            assertThat(sandbox.stats().refusedOverLimit()).as("refused at 90 %% of the account's limit").isZero();
        }
    }

    @Test
    void requestsThatReachTheAccountLateNeverMakeItRefuseOne() {
        // the first 3 requests take 300 ms to reach the account (a cold connection), the others 1 ms: a limiter that
        // spaces only its sends would let 21 reach the account within (300 ms, 1300 ms]
        AccountLimitSimulation.Timing coldStart = new AccountLimitSimulation.Timing(
                r -> r < 3 ? 300 * MS : MS, r -> MS, r -> 0);

        AccountLimitSimulation.Result result = AccountLimitSimulation.run(ACCOUNT_LIMIT, ACCOUNT_LIMIT, 8, 100,
                coldStart);

        assertThat(result.sent()).isEqualTo(100);
        assertThat(result.refused()).as("requests the account refused").isZero();
    }

    @Test
    void aBurstAfterAPauseNeverMakesTheAccountRefuseOne() {
        // 100 per second (bursts of 10 after an idle time); every caller pauses 950 ms after the 150th request
        AccountLimitSimulation.Timing pause = new AccountLimitSimulation.Timing(r -> MS, r -> MS,
                r -> r >= 150 && r < 158 ? 950 * MS : 0);

        AccountLimitSimulation.Result result = AccountLimitSimulation.run(100, 100, 8, 400, pause);

        assertThat(result.refused()).as("requests the account refused").isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
    void randomTravelTimesAndPausesNeverMakeTheAccountRefuseOne(long seed) {
        Random random = new Random(seed);
        long[] toAccount = random.longs(300, 0, 400 * MS).toArray();
        long[] back = random.longs(300, 0, 400 * MS).toArray();
        long[] pauses = random.longs(300, 0, 10).map(p -> p == 0 ? random.nextLong(2_000 * MS) : 0).toArray();

        AccountLimitSimulation.Result result = AccountLimitSimulation.run(ACCOUNT_LIMIT, ACCOUNT_LIMIT, 8, 300,
                new AccountLimitSimulation.Timing(r -> toAccount[r], r -> back[r], r -> pauses[r]));

        assertThat(result.sent()).isEqualTo(300);
        assertThat(result.refused()).as("requests the account refused, seed %d", seed).isZero();
    }

    @Test
    void withInstantAnswersTheClientSendsAtItsFullRate() {
        // 20 a second: each second opens with a burst of 2 (a tenth of a second's worth), then one every 50 ms, so
        // the 200th request goes in the 10th second at 9 s + 18 x 50 ms
        AccountLimitSimulation.Result result = AccountLimitSimulation.run(ACCOUNT_LIMIT, ACCOUNT_LIMIT, 8, 200,
                AccountLimitSimulation.Timing.fixed(0, 0));

        assertThat(result.lastAnswerNanos()).isEqualTo(9_900 * MS);
        assertThat(result.refused()).isZero();
    }

    @Test
    void aRoundTripAddsToTheSecondEachRequestHolds() {
        // 10 ms each way: a request holds 1,020 ms, so the n-th group of 20 starts at n x 1,020 ms (then as above);
        // the 200th goes at 9 x 1,020 + 18 x 50 = 10,080 ms and is answered 20 ms later
        AccountLimitSimulation.Result result = AccountLimitSimulation.run(ACCOUNT_LIMIT, ACCOUNT_LIMIT, 8, 200,
                AccountLimitSimulation.Timing.fixed(10 * MS, 10 * MS));

        assertThat(result.lastAnswerNanos()).isEqualTo(10_100 * MS);
        assertThat(result.refused()).isZero();
    }

    /** {@code calls} flow calls at once; the client's own limits decide how many go out together. */
    private static List<ContainerFlow> flows(SandboxServer sandbox, ContainerApiClient client, int calls) {
        long id = sandbox.fleet().list().get(0).id();
        List<CompletableFuture<ContainerFlow>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(client.flowAsync(id, null, null));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
