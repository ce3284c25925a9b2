package io.flowbill.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A server a test starts from a Debian package ({@link PgBouncer}, {@link Stunnel}): started in the foreground, its
 * output in a file of its folder, ready once it answers on its port, stopped by {@link #close}.
 */
final class Daemon implements AutoCloseable {

    private final Process process;
    private final Path output;

    private Daemon(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static Daemon start(String name, int port, Path folder, String... command) throws IOException {
        Path output = folder.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Daemon daemon = new Daemon(process, output);
        Duration patience = Patience.seconds(30);
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(100))
                    .until(() -> LocalPort.answers(port) || !process.isAlive());
        }
        catch (ConditionTimeoutException notYet) {
            // said below, with what the daemon printed
        }
        if (!LocalPort.answers(port)) {
            daemon.close();
            throw new IOException(String.join(" ", command) + " did not listen on 127.0.0.1:" + port + " within "
                    + patience.toSeconds() + " s (" + Patience.hint() + "); it said:\n" + daemon.output());
        }
        return daemon;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
