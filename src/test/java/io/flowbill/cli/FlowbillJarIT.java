package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/** Runs the real jar as a user does: first run with nothing configured, a configured API, bad input, secrets. */
class FlowbillJarIT {

    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(50).withSeed(3));

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    @Slow
    void firstRunWithNothingConfiguredUsesEmbeddedPostgresAndTheBuiltInSandbox(@TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("--flowbill.sandbox.containers=30").in(workDir).heap("384m").run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("using embedded PostgreSQL").contains("using the built-in sandbox")
                .contains("DEMO (built-in sandbox, tenant demo, not a bill): nightly ");
        assertThat(workDir.resolve("data/postgres/PG_VERSION")).as("embedded data kept for the next run").exists();
        try (Stream<Path> files = Files.walk(workDir.resolve("out/demo"))) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).filteredOn(f -> f.getFileName().toString().equals("manifest.json"))
                    .as("manifests of the demo").isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.readString(f)).contains("\"demo\": true"));
            assertThat(written).filteredOn(f -> f.getFileName().toString().startsWith("report-"))
                    .as("reports of the demo").isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.readString(f)).contains("<strong>DEMO</strong>"));
        }
    }

    @Test
    void helpListsTheCommands(@TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("--help").in(workDir).run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("meter").contains("fleet").contains("sandbox").contains("price-book");
    }

    @Test
    void badDateIsRefusedWithAClearMessageBeforeAnythingStarts(@TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("meter", "--from", "2026-11-25T00:30:00Z", "--to",
                "2026-11-26T00:00:00Z").in(workDir).run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--from must be on a whole hour").doesNotContain("Started FlowbillApplication");
    }

    @Test
    @Slow
    void aConfigurationErrorIsOneLineAndExitTwoWithinFiveSecondsBeforeSpringStarts(@TempDir Path workDir)
            throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("fleet", "--spring.datasource.url=postgres://db:5432/flowbill",
                "--flowbill.api.base-url=http://127.0.0.1:1", "--flowbill.api.token=t").in(workDir).start()
                .finish(Patience.seconds(5));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("flowbill fleet failed: configuration: spring.datasource.url"
                + " 'postgres://db:5432/flowbill' is not a JDBC URL; write it like jdbc:postgresql://db:5432/flowbill"
                + " with the user and password in spring.datasource.username and spring.datasource.password\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Slow
    void theDemoSaysWithinFiveSecondsThatItStartsItsDatabase(@TempDir Path workDir) throws Exception {
        // what this machine needs to start the JVM and print anything at all (--version starts no database and no
        // Spring): on a loaded machine that alone can take seconds, which are not the demo's; the demo reads and
        // checks its settings too, so it is given that time twice on top of its 5 s
        long started = System.nanoTime();
        FlowbillJar.command("--version").in(workDir).run();
        Duration jvmStart = Duration.ofNanos(System.nanoTime() - started);
        FlowbillJar.Running demo = FlowbillJar.command("nightly").in(workDir).start();
        try {
            demo.await("the demo's first line (5 s after twice the " + jvmStart.toMillis()
                    + " ms a bare start takes here)", Patience.seconds(5).plus(jvmStart.multipliedBy(2)), () -> demo.output().contains(
                    "DEMO: starting the embedded PostgreSQL in data/postgres (the first run initializes it: about"));
        }
        finally {
            demo.kill();
        }
    }

    @Test
    void unknownOptionNamesTheOptionsTheCommandAccepts(@TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("meter", "--form", "2026-11-25T00:00:00Z").in(workDir).run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --form").contains("--from");
    }

    @Test
    @Slow
    void theApiTokenAndSecretAppearInNoOutputEvenAtDebugLevel(@TempDir Path workDir) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();

        FlowbillJar.Outcome byToken = FlowbillJar.command("meter", "--from", "2026-11-24T00:00:00Z", "--to",
                "2026-11-24T02:00:00Z", "--logging.level.io.flowbill=DEBUG",
                "--logging.level.org.springframework.boot.context.config=DEBUG").in(workDir).database(db)
                .api(sandbox.baseUrl(), sandbox.token()).run();
        FlowbillJar.Outcome byKey = FlowbillJar.command("fleet", "--logging.level.io.flowbill=DEBUG").in(workDir)
                .database(db).env("FLOWBILL_API_BASE_URL", sandbox.baseUrl().toString())
                .env("FLOWBILL_API_APP_KEY", sandbox.appKey()).env("FLOWBILL_API_APP_SECRET", sandbox.appSecret()).run();

        assertThat(byToken.exitCode()).as(byToken.output()).isZero();
        assertThat(byKey.exitCode()).as(byKey.output()).isZero();
        assertThat(byToken.output()).contains("usage hours").doesNotContain(sandbox.token());
        assertThat(byKey.output()).contains("fleet: 50 containers").doesNotContain(sandbox.appSecret());
    }
}
