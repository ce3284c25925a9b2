package io.flowbill.containerapi;

import java.time.Duration;
import java.time.Instant;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;

/** The sandbox fixture of the contract tests: a small fleet, known credentials, a clock standing still. */
final class ContractSandbox {

    static final Instant NOW = Instant.parse("2017-03-01T00:00:00Z");
    static final String APP_KEY = "contract-key";
    static final String APP_SECRET = "contract-secret-7f3a9c";
    static final String STATIC_TOKEN = "contract-static-token-5d1e8b";

    private ContractSandbox() {
    }

    /** 120 containers, seed 7, a fixed clock at {@link #NOW}, 20 s provisioning, 10 s deletion. */
    static SandboxConfig config() {
        return SandboxConfig.defaults()
                .withContainers(120)
                .withSeed(7)
                .withThreads(16)
                .withClock(SandboxClock.fixed(NOW))
                .withCredentials(APP_KEY, APP_SECRET)
                .withStaticToken(STATIC_TOKEN)
                .withProvisioningTime(Duration.ofSeconds(20))
                .withDeletionTime(Duration.ofSeconds(10));
    }

    static SandboxServer start() {
        return SandboxServer.start(config());
    }

    /** The sandbox's static token, 3 quick retries, short timeouts. */
    static ContainerApiProperties settings(SandboxServer sandbox) {
        return ContainerApiProperties.defaults(sandbox.baseUrl())
                .withToken(sandbox.token())
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
