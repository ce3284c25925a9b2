package io.flowbill.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a command-line tool a test checks files with ({@code promtool}, {@code systemd-analyze}, {@code node}):
 * whether it is installed, and its exit code and output (stdout and stderr together) for given arguments; and
 * {@link #require} decides whether a test missing a tool or service is skipped or (on CI) fails.
 */
public final class ExternalTool {

    /** What one run of a tool said. */
    public record Run(List<String> command, int exit, String output) {

        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + exit + ":\n" + output;
        }
    }

    /** The environment variable CI services set; {@code CI=true} makes a missing tool or service fail the test. */
    public static final String CI_VARIABLE = "CI";

    private ExternalTool() {
    }

    /**
     * Goes on when {@code available}; otherwise skips the calling test (a JUnit assumption) saying {@code missing},
     * or, when the environment variable {@code CI} is {@code true}, fails it: a CI run must not pass without the
     * checks it exists for. The one place that decides between skipping and failing.
     */
    public static void require(boolean available, String missing) {
        require(available, missing, System.getenv(CI_VARIABLE));
    }

    static void require(boolean available, String missing, String ci) {
        if (available) {
            return;
        }
        if (ci != null && ci.strip().equalsIgnoreCase("true")) {
            throw new AssertionError(missing + " (not skipped: with CI=true a missing tool or service fails the"
                    + " test)");
        }
        Assumptions.abort(missing);
    }

    /** True when {@code command} (e.g. {@code promtool --version}) starts and exits 0 within 30 s. */
    public static boolean installed(String... command) {
        try {
            return run("", command).exit() == 0;
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code command} with {@code input} on its stdin; fails when it runs longer than 2 minutes. */
    public static Run run(String input, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            // the tool closed its stdin without reading it: its output says why
        }
        try {
            Duration patience = Patience.of(Duration.ofMinutes(2));
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + patience.toSeconds()
                        + " s (" + Patience.hint() + ")");
            }
            return new Run(List.of(command), process.exitValue(),
                    output.get(Patience.seconds(10).toMillis(), TimeUnit.MILLISECONDS));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + String.join(" ", command), e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not read the output of " + String.join(" ", command), e);
        }
    }
}
