package io.flowbill.metering;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;

/**
 * The named fixture of the metering tests: a sandbox of 120 containers (seed 12, which holds three containers
 * in statuses flowbill does not know), its clock fixed at {@link #NOW}, shared by flowbill as its own clock,
 * and a fresh database. {@link #DAY} is a whole UTC day that is over at {@link #NOW}.
 */
final class SmallFleet {

    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final int CONTAINERS = 120;
    static final long SEED = 12;

    final SandboxClock clock;
    final SandboxServer sandbox;

    SmallFleet() {
        this(NOW);
    }

    /** The same fleet, generated as of {@code now} (its clock starts there and moves only when told). */
    SmallFleet(Instant now) {
        clock = SandboxClock.fixed(now);
        sandbox = SandboxServer.start(SandboxConfig.defaults()
                .withContainers(CONTAINERS).withSeed(SEED).withClock(clock).withDeletionTime(java.time.Duration.ZERO));
    }

    /** Points flowbill at this fixture's sandbox and at a fresh database. */
    void register(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("flowbill.api.base-url", () -> sandbox.baseUrl().toString());
        registry.add("flowbill.api.token", sandbox::token);
        registry.add("flowbill.api.initial-backoff", () -> "10ms");
        registry.add("flowbill.api.max-backoff", () -> "50ms");
        registry.add("flowbill.api.requests-per-second", () -> "0");
    }

    static MeteringRange day() {
        return new MeteringRange(DAY, DAY.plus(java.time.Duration.ofDays(1)));
    }

    /** flowbill's clock in these tests: the sandbox's own, so both agree on "now". */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        static SmallFleet fleet;

        @Bean
        @Primary
        Clock testClock() {
            return fleet.clock;
        }
    }
}
