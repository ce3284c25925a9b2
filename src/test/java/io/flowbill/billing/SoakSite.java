package io.flowbill.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.FlowbillApplication;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;

/**
 * One flowbill installation of the soak test: a sandbox of {@code containers} containers (seed {@code seed}, fleet
 * anchored at {@code now}), a fixed clock shared by the sandbox and flowbill, a fresh database, its own export
 * folder, and a flowbill application context started without a command (nothing runs until called).
 */
final class SoakSite implements AutoCloseable {

    final SandboxClock clock;
    final SandboxServer sandbox;
    final ConfigurableApplicationContext context;

    SoakSite(int containers, long seed, Instant now) {
        clock = SandboxClock.fixed(now);
        sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(containers).withSeed(seed)
                .withClock(clock).withFleetAnchor(now));
        TestDatabase.Database database = TestDatabase.fresh();
        String exports;
        try {
            exports = Files.createTempDirectory("flowbill-soak").toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context = new SpringApplicationBuilder(FlowbillApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("soakClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run(List.of(
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--flowbill.api.base-url=" + sandbox.baseUrl(),
                        "--flowbill.api.token=" + sandbox.token(),
                        "--flowbill.api.initial-backoff=10ms",
                        "--flowbill.api.max-backoff=50ms",
                        "--flowbill.api.requests-per-second=0",
                        "--flowbill.export.dir=" + exports).toArray(String[]::new));
    }

    BillingService billing() {
        return context.getBean(BillingService.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
        sandbox.close();
    }
}
