package io.flowbill.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's metrics for node_exporter's textfile collector: to a temporary file beside the target (same file
 * system, and a name not ending in {@code .prom}, so the collector never reads it half written), then renamed over
 * the target atomically. A failure is logged and reported as false; it never fails the run.
 */
final class Textfile {

    private static final Logger log = LoggerFactory.getLogger(Textfile.class);

    private Textfile() {
    }

    static boolean write(Path target, byte[] text) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            Files.write(temp, text);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Wrote metrics to {}", absolute);
            return true;
        }
        catch (IOException | RuntimeException e) {
            log.warn("Writing metrics to {} failed: {}; the run itself is not affected", absolute, e.toString());
            try {
                Files.deleteIfExists(temp);
            }
            catch (IOException ignored) {
                // the failure already logged matters more than a leftover temporary file
            }
            return false;
        }
    }
}
