package io.flowbill.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.flowbill.system.Patience;

/**
 * Headless Chromium (Debian's {@code chromium} package) for tests that look at a page as a browser renders it:
 * {@code /usr/bin/chromium}, or {@code chromium} / {@code chromium-browser} on the PATH.
 */
final class Chromium {

    static final String MISSING = "Chromium is not installed (no /usr/bin/chromium and no chromium on the PATH;"
            + " 'apt-get install chromium' provides it): the report is not rendered in a browser";

    private Chromium() {
    }

    static Optional<Path> find() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")));
        return Stream.concat(Stream.of(Path.of("/usr/bin/chromium")), onPath).filter(Files::isExecutable).findFirst();
    }

    /** Renders the page into a PNG, 1000 px wide and as tall as {@code height}, as a person would see it. */
    static void screenshot(Path chromium, Path page, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(chromium, page, List.of("--hide-scrollbars", "--window-size=1000,4200",
                "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot " + png);
        }
    }

    /** The DOM of the page after Chromium loaded and laid it out, as {@code --dump-dom} prints it. */
    static String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
        return new String(run(chromium, page, List.of("--dump-dom")), StandardCharsets.UTF_8);
    }

    private static byte[] run(Path chromium, Path page, List<String> what) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("flowbill-chromium");
        Path log = Files.createTempFile("flowbill-chromium", ".log");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(what);
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] dom = process.getInputStream().readAllBytes();
        Duration patience = Patience.seconds(60);
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + patience.toSeconds() + " s ("
                    + Patience.hint() + "); its log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return dom;
    }
}
