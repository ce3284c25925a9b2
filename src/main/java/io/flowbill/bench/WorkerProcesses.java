package io.flowbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W {@code worker} processes of {@code bench --workers W}: the same jar (or class path), the same accounts,
 * database and queue as the bench's manager, each logging to a file of its own; started before the manager sends a
 * partition and stopped after the measurement.
 */
final class WorkerProcesses implements AutoCloseable {

    /** How a worker says it listens ({@code ClusterWorkerConfiguration}), or Spring Boot's start line. */
    static final Pattern READY = Pattern.compile(
            "(?i)(worker taking partitions|worker.*(ready|listen|waiting)|Started \\w+ in)");

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private WorkerProcesses() {
    }

    /**
     * Starts {@code count} workers with {@code properties} as {@code --key=value} arguments and {@code environment}
     * (the database password) and waits until each is ready.
     */
    static WorkerProcesses start(int count, Map<String, Object> properties, Map<String, String> environment)
            throws IOException, InterruptedException {
        WorkerProcesses workers = new WorkerProcesses();
        try {
            for (int i = 0; i < count; i++) {
                List<String> command = new ArrayList<>(SandboxProcess.launcher("-Xmx512m"));
                command.add("worker");
                properties.forEach((key, value) -> command.add("--" + key + "=" + value));
                // several workers on one machine: each its own free management port
                command.add("--management.server.port=0");
                // the line that says it listens (ClusterWorkerConfiguration), whatever io.flowbill's level
                command.add("--logging.level.io.flowbill.cluster=INFO");
                Path log = Files.createTempFile("flowbill-bench-worker-" + i + "-", ".log");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                workers.processes.add(builder.start());
                workers.logs.add(log);
            }
            for (int i = 0; i < count; i++) {
                workers.awaitReady(i, Duration.ofSeconds(180));
            }
            return workers;
        }
        catch (IOException | InterruptedException | RuntimeException e) {
            workers.close();
            throw e;
        }
    }

    private void awaitReady(int index, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Path log = logs.get(index);
        while (!READY.matcher(Files.readString(log)).find()) {
            if (!processes.get(index).isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("worker " + index + " did not become ready ("
                        + (processes.get(index).isAlive() ? "still starting after " + patience : "it ended") + "); its log "
                        + log + ":\n" + tail(Files.readString(log)));
            }
            Thread.sleep(100);
        }
    }

    private static String tail(String text) {
        return text.length() <= 3_000 ? text : "..." + text.substring(text.length() - 3_000);
    }

    /** Each worker's CPU time so far (user and system), zero where the platform does not tell. */
    List<Duration> cpu() {
        return processes.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).toList();
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
