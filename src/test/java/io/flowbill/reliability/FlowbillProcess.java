package io.flowbill.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;

/**
 * The real jar ({@code target/flowbill.jar}) as a separate JVM, the way an operator's scheduler runs it: a database,
 * the container API of a sandbox and an export folder from the environment, nothing inherited from the test JVM's
 * own {@code FLOWBILL_*} or {@code SPRING_*} variables. Its output goes to a log file, kept for the report.
 */
public final class FlowbillProcess {

    public static final Path JAR = Path.of("target", "flowbill.jar").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final String command;

    private FlowbillProcess(Process process, Path log, String command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /** How a run ended: its exit code and its output. */
    public record Outcome(int exitCode, String output) {

        /** The line that says why a failed run failed, or the last line. */
        public String reason() {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return lines.stream().filter(line -> line.startsWith("flowbill ")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        }
    }

    /** The settings every run of one case shares: database, API, export folder and extra environment. */
    public record Settings(TestDatabase.Database database, SandboxServer sandbox, Path exportDir,
            Map<String, String> environment) {
    }

    /** Starts {@code java -jar target/flowbill.jar ARGS} with these settings. */
    public static FlowbillProcess start(Settings settings, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FLOWBILL_") || key.startsWith("SPRING_"));
        env.put("SPRING_DATASOURCE_URL", settings.database().url());
        env.put("SPRING_DATASOURCE_USERNAME", settings.database().user());
        env.put("SPRING_DATASOURCE_PASSWORD", settings.database().password());
        env.put("FLOWBILL_API_BASE_URL", settings.sandbox().baseUrl().toString());
        env.put("FLOWBILL_API_TOKEN", settings.sandbox().token());
        env.put("FLOWBILL_EXPORT_DIR", settings.exportDir().toString());
        env.putAll(settings.environment());
        Path log = Files.createTempFile("flowbill-" + args[0], ".log");
        return new FlowbillProcess(builder.redirectOutput(log.toFile()).start(), log, String.join(" ", args));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("flowbill " + command + " survived SIGKILL for 30 s");
        }
    }

    /** Waits for the run to end by itself; kills it and fails when it takes longer than {@code patience}. */
    public Outcome finish(Duration patience) throws IOException, InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("flowbill " + command + " did not finish within " + patience + "; log " + log);
        }
        return new Outcome(process.exitValue(), output());
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
