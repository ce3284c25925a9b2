package io.flowbill.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.IntegrationTestContext;

/**
 * The named fixture of the metering tests: a sandbox of 120 containers (seed 12, which holds three containers
 * in statuses flowbill does not know), its clock fixed at {@link #NOW}, shared by flowbill as its own clock.
 * {@link #DAY} is a whole UTC day that is over at {@link #NOW}. A test class registers its own fleet
 * ({@code @RegisterExtension static final SmallFleet fleet = new SmallFleet()}); every fleet answers at the same
 * {@link #BASE_URL} with the same {@link #TOKEN}, so the classes share one Spring context ({@link SmallFleetBase}),
 * and the fleet stops after its class.
 */
final class SmallFleet implements AfterAllCallback {

    static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final int CONTAINERS = 120;
    static final long SEED = 12;
    static final String BASE_URL = "http://127.0.0.1:${flowbill.test.fixture-port}";
    static final String TOKEN = "small-fleet-token";

    private static volatile SmallFleet current;

    final SandboxClock clock;
    final SandboxServer sandbox;

    SmallFleet() {
        this(NOW);
    }

    /** The same fleet, generated as of {@code now} (its clock starts there and moves only when told). */
    SmallFleet(Instant now) {
        stop(current);
        clock = SandboxClock.fixed(now);
        sandbox = SandboxServer.start(SandboxConfig.defaults().withPort(IntegrationTestContext.FIXTURE_PORT)
                .withStaticToken(TOKEN).withContainers(CONTAINERS).withSeed(SEED).withClock(clock)
                .withDeletionTime(Duration.ZERO));
        current = this;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(this);
    }

    private static synchronized void stop(SmallFleet fleet) {
        if (fleet != null) {
            fleet.sandbox.close();
            if (current == fleet) {
                current = null;
            }
        }
    }

    static MeteringRange day() {
        return new MeteringRange(DAY, DAY.plus(Duration.ofDays(1)));
    }

    /** flowbill's clock in these tests: the running fleet's own, so both agree on "now". */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        Clock testClock() {
            return new RunningFleetClock();
        }
    }

    /** The clock of whichever fleet runs now (UTC, as every sandbox clock). */
    private static final class RunningFleetClock extends Clock {

        @Override
        public Instant instant() {
            SmallFleet fleet = current;
            if (fleet == null) {
                throw new IllegalStateException("no SmallFleet is running: register one in the test class");
            }
            return fleet.clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (ZoneOffset.UTC.equals(zone.normalized())) {
                return this;
            }
            throw new UnsupportedOperationException("the sandbox clock is always UTC");
        }
    }
}
