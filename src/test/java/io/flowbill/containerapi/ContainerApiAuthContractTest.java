package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.Patience;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Tokens against the sandbox: obtained, renewed before and after expiry, refused; and never shown. */
@ExtendWith(OutputCaptureExtension.class)
class ContainerApiAuthContractTest {

    private static final io.flowbill.sandbox.Endpoint GET = io.flowbill.sandbox.Endpoint.GET;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SandboxServer sandbox(Duration tokenTtl) {
        SandboxServer sandbox = SandboxServer.start(ContractSandbox.config().withTokenTtl(tokenTtl));
        open.add(sandbox);
        return sandbox;
    }

    private ContainerApiClient appKeyClient(SandboxServer sandbox, String secret, java.time.Clock clock) {
        var settings = ContractSandbox.settings(sandbox).withAppCredentials(ContractSandbox.APP_KEY, secret);
        ContainerApiClient client = new ContainerApiClient(settings, new SimpleMeterRegistry(), clock);
        open.add(0, client);
        return client;
    }

    private static long anyId(SandboxServer sandbox) {
        return sandbox.fleet().list().get(0).id();
    }

    @Test
    void obtainsOneTokenAndReusesIt() {
        SandboxServer sandbox = sandbox(Duration.ofDays(1));
        ContainerApiClient client = appKeyClient(sandbox, ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());

        IntStream.range(0, 5).forEach(i -> client.get(anyId(sandbox)));

        assertThat(sandbox.stats().tokensIssued()).isEqualTo(1);
        assertThat(client.stats().tokenRenewals()).isEqualTo(1);
    }

    @Test
    void renewsATokenTheSandboxSaysHasExpired() {
        SandboxServer sandbox = sandbox(Duration.ofSeconds(60));
        ContainerApiClient client = appKeyClient(sandbox, ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());
        client.get(anyId(sandbox));

        sandbox.clock().advance(Duration.ofSeconds(61));
        client.get(anyId(sandbox));

        assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
        assertThat(sandbox.stats().responses(401)).isEqualTo(1);
    }

    @Test
    void renewsAheadOfExpiryWhenSharingTheSandboxClock() {
        SandboxServer sandbox = sandbox(Duration.ofSeconds(100));
        ContainerApiClient client = appKeyClient(sandbox, ContractSandbox.APP_SECRET, sandbox.clock());
        client.get(anyId(sandbox));

        sandbox.clock().advance(Duration.ofSeconds(95));
        client.get(anyId(sandbox));
        await().atMost(Patience.seconds(5)).until(() -> sandbox.stats().tokensIssued() == 2);
        sandbox.clock().advance(Duration.ofSeconds(10));
        client.get(anyId(sandbox));

        assertThat(sandbox.stats().responses(401)).isZero();
    }

    @Test
    void manyCallsMeetingAnExpiredTokenShareOneRenewal() {
        SandboxServer sandbox = sandbox(Duration.ofSeconds(60));
        ContainerApiClient client = appKeyClient(sandbox, ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());
        client.get(anyId(sandbox));
        sandbox.clock().advance(Duration.ofSeconds(61));

        List<CompletableFuture<Container>> calls = sandbox.fleet().list().stream()
                .map(c -> client.getAsync(c.id())).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
    }

    @Test
    void anUnexpected401RenewsTheTokenOnce() {
        SandboxServer sandbox = sandbox(Duration.ofDays(1));
        ContainerApiClient client = appKeyClient(sandbox, ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());
        client.get(anyId(sandbox));
        sandbox.faults().failNext(GET, 1, Fault.UNAUTHORIZED);

        client.get(anyId(sandbox));

        assertThat(sandbox.stats().tokensIssued()).isEqualTo(2);
        assertThat(sandbox.stats().requests(GET)).isEqualTo(3);
    }

    @Test
    void aWrongSecretFailsWithTheTokenEndpointsAnswer() {
        SandboxServer sandbox = sandbox(Duration.ofDays(1));
        ContainerApiClient client = appKeyClient(sandbox, "wrong-" + ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());

        assertThatThrownBy(() -> client.get(anyId(sandbox))).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.endpoint()).isEqualTo("token");
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.apiCode()).isEqualTo(4010001);
        });
        assertThat(sandbox.stats().requests(GET)).isZero();
    }

    @Test
    void aRefusedStaticTokenIsNotRetried() {
        SandboxServer sandbox = sandbox(Duration.ofDays(1));
        ContainerApiClient client = new ContainerApiClient(ContractSandbox.settings(sandbox).withToken("not-a-token"),
                new SimpleMeterRegistry());
        open.add(0, client);

        assertThatThrownBy(() -> client.get(anyId(sandbox))).isInstanceOfSatisfying(ContainerApiException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(sandbox.stats().requests(GET)).isEqualTo(1);
    }

    @Test
    void neitherTokenNorSecretAppearsInLogsOrExceptions(CapturedOutput output) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.flowbill.containerapi");
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        List<String> messages = new ArrayList<>();
        try {
            SandboxServer sandbox = sandbox(Duration.ofSeconds(60));
            long id = anyId(sandbox);
            ContainerApiClient withToken = new ContainerApiClient(ContractSandbox.settings(sandbox), new SimpleMeterRegistry());
            open.add(0, withToken);
            sandbox.faults().failNext(GET, 2, Fault.SERVER_ERROR);
            withToken.get(id);
            sandbox.faults().failNext(GET, 4, Fault.SERVICE_UNAVAILABLE);
            messages.add(catchThrowableOfType(ContainerApiException.class, () -> withToken.get(id)).toString());
            messages.add(catchThrowableOfType(ContainerApiException.class, () -> withToken.list(31, 0)).toString());

            ContainerApiClient withKey = appKeyClient(sandbox, ContractSandbox.APP_SECRET, java.time.Clock.systemUTC());
            withKey.get(id);
            sandbox.clock().advance(Duration.ofSeconds(61));
            withKey.get(id);
            ContainerApiClient wrong = appKeyClient(sandbox, ContractSandbox.APP_SECRET + "x", java.time.Clock.systemUTC());
            messages.add(catchThrowableOfType(ContainerApiException.class, () -> wrong.get(id)).toString());
            messages.add(ContractSandbox.settings(sandbox).withAppCredentials("k", ContractSandbox.APP_SECRET).toString());
        } finally {
            logger.setLevel(before);
        }

        assertThat(output.getAll()).contains("retry 1/3", "gave up after 4 attempts", "Obtained a container API token (unauthorized)");
        assertThat(output.getAll()).doesNotContain(ContractSandbox.STATIC_TOKEN, ContractSandbox.APP_SECRET);
        assertThat(messages).hasSize(4).allSatisfy(m -> assertThat(m)
                .doesNotContain(ContractSandbox.STATIC_TOKEN, ContractSandbox.APP_SECRET));
    }
}
