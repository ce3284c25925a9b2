package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.flowbill.sandbox.RequestLimit;
import io.flowbill.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The client against an account limit like a real cloud account's (the sandbox's {@link RequestLimit}): a client
 * sending faster than the limit is refused (403/4030001 or 429 with Retry-After), retries and ends with every
 * answer; a client whose own limit stays under the account's is never refused.
 */
class AccountLimitContractTest {

    private static final int ACCOUNT_LIMIT = 20;

    @ParameterizedTest
    @EnumSource(RequestLimit.Answer.class)
    void aClientFasterThanItsAccountIsRefusedRetriesAndGetsEveryAnswer(RequestLimit.Answer answer) {
        try (SandboxServer sandbox = SandboxServer.start(ContractSandbox.config()
                .withRequestLimit(new RequestLimit(ACCOUNT_LIMIT, answer)));
                ContainerApiClient client = new ContainerApiClient(ContractSandbox.settings(sandbox)
                        .withRetries(8, Duration.ofMillis(100), Duration.ofSeconds(1)).withLimits(8, 0),
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
                        .withLimits(8, ACCOUNT_LIMIT * 9 / 10), new SimpleMeterRegistry())) {
            List<ContainerFlow> flows = flows(sandbox, client, 2 * ACCOUNT_LIMIT);

            assertThat(flows).hasSize(2 * ACCOUNT_LIMIT);
            assertThat(sandbox.stats().refusedOverLimit()).as("refused at 90 %% of the account's limit").isZero();
        }
    }

    private static List<ContainerFlow> flows(SandboxServer sandbox, ContainerApiClient client, int calls) {
        long id = sandbox.fleet().list().get(0).id();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ContainerFlow>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> client.flow(id, null, null), callers));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }
        finally {
            callers.shutdownNow();
        }
    }
}
