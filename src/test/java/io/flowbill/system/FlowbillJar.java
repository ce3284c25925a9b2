package io.flowbill.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real jar ({@code target/flowbill.jar}, built by {@code package} before failsafe runs) as a separate JVM, the
 * way a user or an operator's scheduler runs it: the one way tests start it, wait for it, read its output and kill
 * it. It inherits none of the test JVM's {@code FLOWBILL_*} or {@code SPRING_*} variables, only what the test
 * gives; it runs in its own folder (a fresh temporary one unless given) and writes its stdout and stderr to files
 * there, kept for the reader of a failed test. Every wait is a {@link Patience}, never a fixed constant. Every
 * run has the test seller ({@link TestSeller}), which a real run that writes invoice documents needs, unless
 * {@link #withoutSeller()}.
 */
public final class FlowbillJar {

    public static final Path JAR = Path.of("target", "flowbill.jar").toAbsolutePath();

    /** How long one command of the jar may take unless a test says otherwise. */
    public static Duration defaultPatience() {
        return Patience.seconds(120);
    }

    private final List<String> args;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC"));
    private Path workDir;

    private FlowbillJar(List<String> args) {
        this.args = List.copyOf(args);
        environment.putAll(TestSeller.ENV);
        if (!args.isEmpty() && args.get(0).equals("worker")) {
            // several workers on one machine: each its own free management port (it logs which)
            environment.put("MANAGEMENT_SERVER_PORT", "0");
        }
    }

    /** Runs without {@code flowbill.invoice.seller.*}, as an operator who did not configure the seller would. */
    public FlowbillJar withoutSeller() {
        environment.keySet().removeAll(TestSeller.ENV.keySet());
        return this;
    }

    /** {@code java -jar target/flowbill.jar ARGS}. */
    public static FlowbillJar command(String... args) {
        return new FlowbillJar(List.of(args));
    }

    public static FlowbillJar command(List<String> args) {
        return new FlowbillJar(args);
    }

    /** Runs in this folder (relative paths such as {@code ./data} and {@code ./out} resolve there). */
    public FlowbillJar in(Path folder) {
        this.workDir = folder;
        return this;
    }

    public FlowbillJar env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public FlowbillJar env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and {@code _PASSWORD} of this database. */
    public FlowbillJar database(TestDatabase.Database database) {
        return env(Map.of("SPRING_DATASOURCE_URL", database.url(), "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password()));
    }

    /** {@code FLOWBILL_API_BASE_URL} and {@code FLOWBILL_API_TOKEN}: the container API to meter. */
    public FlowbillJar api(URI baseUrl, String token) {
        return env(Map.of("FLOWBILL_API_BASE_URL", baseUrl.toString(), "FLOWBILL_API_TOKEN", token));
    }

    /** The largest heap of the JVM ({@code 256m} unless set). */
    public FlowbillJar heap(String maximum) {
        jvmOptions.removeIf(option -> option.startsWith("-Xmx"));
        jvmOptions.add(0, "-Xmx" + maximum);
        return this;
    }

    /**
     * Lets the JIT compile fully (by default the process stops at the quick first tier and uses the serial
     * collector, which suits the short runs of tests on a small machine); for runs that measure speed.
     */
    public FlowbillJar fullJit() {
        jvmOptions.remove("-XX:TieredStopAtLevel=1");
        return this;
    }

    public Running start() throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", JAR.toString()));
        line.addAll(args);
        Path folder = workDir != null ? workDir : Files.createTempDirectory("flowbill-jar");
        String name = args.isEmpty() ? "flowbill" : args.get(0).replaceAll("[^A-Za-z0-9]", "");
        Path out = Files.createTempFile(folder, name + "-", ".out");
        Path err = Files.createTempFile(folder, name + "-", ".err");
        ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("FLOWBILL_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return new Running(builder.start(), "flowbill " + String.join(" ", args), out, err);
    }

    /** Starts the command and waits up to {@link #defaultPatience()} for it to end. */
    public Outcome run() throws IOException, InterruptedException {
        return start().finish(defaultPatience());
    }

    /** A started run of the jar. */
    public static final class Running {

        private final Process process;
        private final String command;
        private final Path out;
        private final Path err;

        Running(Process process, String command, Path out, Path err) {
            this.process = process;
            this.command = command;
            this.out = out;
            this.err = err;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook, no finally block runs. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            Duration patience = Patience.seconds(30);
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command + " survived SIGKILL for " + patience);
            }
        }

        /** SIGTERM (what {@code destroy} sends on Linux), then waits up to {@code patience} for the run to end. */
        public Outcome terminate(Duration patience) throws IOException, InterruptedException {
            process.destroy();
            return finish(patience);
        }

        /** Waits for the run to end by itself; kills it and fails when it takes longer than {@code patience}. */
        public Outcome finish(Duration patience) throws IOException, InterruptedException {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError(command + " did not finish within " + patience + " (" + Patience.hint()
                        + "); its output: " + out + ", " + err + "\n" + tail(read(out) + read(err)));
            }
            return new Outcome(process.exitValue(), read(out), read(err));
        }

        /**
         * Checks {@code reached} every 20 ms until it holds; fails when the run ends first or {@code patience}
         * passes.
         */
        public void await(String what, Duration patience, Condition reached) throws Exception {
            Instant deadline = Instant.now().plus(patience);
            while (!reached.holds()) {
                if (!process.isAlive()) {
                    throw new AssertionError(command + " ended (exit " + process.exitValue() + ") before " + what
                            + "\n" + tail(read(out) + read(err)));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not within " + patience + " (" + Patience.hint() + "): " + what);
                }
                Thread.sleep(20);
            }
        }

        /** Its output so far: stdout, then stderr. */
        public String output() throws IOException {
            return read(out) + read(err);
        }

        private static String read(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }

        private static String tail(String output) {
            return output.length() <= 4_000 ? output : "..." + output.substring(output.length() - 4_000);
        }
    }

    /** Something the test checks while the run goes on, typically a query. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** How a run ended: its exit code, its stdout and its stderr. */
    public record Outcome(int exitCode, String out, String err) {

        /** stdout, then stderr. */
        public String output() {
            return out + err;
        }

        /** The lines flowbill writes about itself ({@code flowbill ...}, {@code price book ...}) on stderr. */
        public List<String> flowbillLines() {
            return err.lines().filter(line -> line.startsWith("flowbill ") || line.startsWith("price book ")).toList();
        }

        /** The line that says why a failed run failed, or the last line. */
        public String reason() {
            List<String> lines = output().lines().filter(line -> !line.isBlank()).toList();
            return lines.stream().filter(line -> line.startsWith("flowbill ")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        }
    }
}
