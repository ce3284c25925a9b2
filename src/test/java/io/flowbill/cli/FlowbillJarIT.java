package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;

/** Runs the real jar as a user does: first run with nothing configured, a configured API, bad input, secrets. */
class FlowbillJarIT {

    static final Path JAR = Path.of("target", "flowbill.jar").toAbsolutePath();
    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(50).withSeed(3));

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    record Run(int exitCode, String output) {
    }

    @Test
    void firstRunWithNothingConfiguredUsesEmbeddedPostgresAndTheBuiltInSandbox(@TempDir Path workDir) throws Exception {
        Run run = run(workDir, Map.of(), "--flowbill.sandbox.containers=30");

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
        Run run = run(workDir, Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("meter").contains("fleet").contains("sandbox").contains("price-book");
    }

    @Test
    void badDateIsRefusedWithAClearMessageBeforeAnythingStarts(@TempDir Path workDir) throws Exception {
        Run run = run(workDir, Map.of(), "meter", "--from", "2026-11-25T00:30:00Z", "--to", "2026-11-26T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--from must be on a whole hour").doesNotContain("Started FlowbillApplication");
    }

    @Test
    void unknownOptionNamesTheOptionsTheCommandAccepts(@TempDir Path workDir) throws Exception {
        Run run = run(workDir, Map.of(), "meter", "--form", "2026-11-25T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --form").contains("--from");
    }

    @Test
    void theApiTokenAndSecretAppearInNoOutputEvenAtDebugLevel(@TempDir Path workDir) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", db.url(), "SPRING_DATASOURCE_USERNAME", db.user(),
                "SPRING_DATASOURCE_PASSWORD", db.password(), "FLOWBILL_API_BASE_URL", sandbox.baseUrl().toString());
        Map<String, String> withToken = new java.util.HashMap<>(database);
        withToken.put("FLOWBILL_API_TOKEN", sandbox.token());
        Map<String, String> withKey = new java.util.HashMap<>(database);
        withKey.put("FLOWBILL_API_APP_KEY", sandbox.appKey());
        withKey.put("FLOWBILL_API_APP_SECRET", sandbox.appSecret());

        Run byToken = run(workDir, withToken, "meter", "--from", "2026-11-24T00:00:00Z", "--to", "2026-11-24T02:00:00Z",
                "--logging.level.io.flowbill=DEBUG", "--logging.level.org.springframework.boot.context.config=DEBUG");
        Run byKey = run(workDir, withKey, "fleet", "--logging.level.io.flowbill=DEBUG");

        assertThat(byToken.exitCode()).as(byToken.output()).isZero();
        assertThat(byKey.exitCode()).as(byKey.output()).isZero();
        assertThat(byToken.output()).contains("usage hours").doesNotContain(sandbox.token());
        assertThat(byKey.output()).contains("fleet: 50 containers").doesNotContain(sandbox.appSecret());
    }

    private static Run run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("FLOWBILL_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        Path log = Files.createTempFile("flowbill-jar", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("flowbill " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
