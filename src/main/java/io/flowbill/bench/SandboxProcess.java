package io.flowbill.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox as a second JVM, so that it competes with flowbill for the machine as a real API's network stack
 * would not: a conservative setting for the benchmark. Started from the same jar (or class path) as this process.
 */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private final String token;
    private final Path log;

    private SandboxProcess(Process process, URI baseUrl, String token, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.token = token;
        this.log = log;
    }

    static SandboxProcess start(int containers, int latencyMs) throws IOException, InterruptedException {
        return start(containers, latencyMs, "bench-" + UUID.randomUUID(), List.of());
    }

    /**
     * As {@link #start(int, int)}, with this static token and more sandbox options ({@code --more-tokens},
     * {@code --requests-per-second}).
     */
    static SandboxProcess start(int containers, int latencyMs, String token, List<String> moreOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of("sandbox", "--port", String.valueOf(port), "--containers", String.valueOf(containers),
                "--seed", "1", "--latency-ms", String.valueOf(latencyMs), "--token", token, "--threads", "512"));
        command.addAll(moreOptions);
        Path log = Files.createTempFile("flowbill-bench-sandbox", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitForPort(process, port, log);
        return new SandboxProcess(process, URI.create("http://127.0.0.1:" + port), token, log);
    }

    URI baseUrl() {
        return baseUrl;
    }

    String token() {
        return token;
    }

    /** The sandbox's CPU time so far (user and system), zero where the platform does not tell. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** What a stopped sandbox counted: the line it prints last ({@code SandboxMain}). */
    record Counts(long requests, long refusedOverLimit, long status403, long status429) {
    }

    /**
     * Stops the sandbox (SIGTERM) and reads what it counted from its last line; null if it printed none (killed, or
     * an older jar).
     */
    Counts stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return null;
        }
        java.util.regex.Matcher line = STOPPED.matcher(Files.readString(log));
        return line.find() ? new Counts(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)),
                Long.parseLong(line.group(3)), Long.parseLong(line.group(4))) : null;
    }

    private static final java.util.regex.Pattern STOPPED = java.util.regex.Pattern.compile(
            "Sandbox stopped: (\\d+) requests, (\\d+) refused over the account limit \\(403: (\\d+), 429: (\\d+)\\)");

    @Override
    public void close() throws IOException {
        process.destroy();
        Files.deleteIfExists(log);
    }

    /** {@code java -jar flowbill.jar} from the jar, else {@code java -cp ... io.flowbill.cli.FlowbillCli}. */
    static List<String> launcher() {
        return launcher("-Xmx2g");
    }

    /** As {@link #launcher()} with this heap setting. */
    static List<String> launcher(String xmx) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            return List.of(java, xmx, "-jar", classPath);
        }
        return List.of(java, xmx, "-cp", classPath, "io.flowbill.cli.FlowbillCli");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(Process process, int port, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sandbox process ended: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the sandbox process did not listen on port " + port + " within 120 s");
    }
}
