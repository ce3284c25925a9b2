package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an export killed mid-run leaves in a folder: temporary files ({@code .<name>.<run>.tmp}) and staging folders
 * ({@code .staging.<run>.<n>/}). The next publication into the folder clears those of processes that no longer run:
 * a staging folder whose files were all staged ({@link Publication#COMPLETE}) is published (its run was killed while
 * publishing, so the folder holds part of it), any other is removed.
 */
final class StaleTemporaries {

    private static final Logger log = LoggerFactory.getLogger(StaleTemporaries.class);

    private StaleTemporaries() {
    }

    /** Whether a name in an export folder is a temporary file of a write. */
    static boolean isTemporaryFile(String name) {
        return name.startsWith(".") && name.endsWith(AtomicFile.TEMPORARY_SUFFIX);
    }

    /** Whether a name in an export folder is a staging folder. */
    static boolean isStaging(String name) {
        return name.startsWith(Publication.STAGING_PREFIX);
    }

    /** Clears the folder's temporaries of processes that no longer run. */
    static void clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (isStaging(name) && Files.isDirectory(entry) && !RunToken.isLive(stagingRun(name))) {
                if (Files.isRegularFile(entry.resolve(Publication.COMPLETE))) {
                    log.warn("{}: finishing the publication of an export that was stopped while publishing", entry);
                    Publication.moveInto(entry, folder);
                }
                else {
                    log.info("{}: removing the staging folder of an export that did not finish", entry);
                    deleteTree(entry);
                }
            }
            else if (isTemporaryFile(name) && Files.isRegularFile(entry) && !RunToken.isLive(temporaryRun(name))) {
                log.info("{}: removing the temporary file of a write that did not finish", entry);
                Files.deleteIfExists(entry);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code .staging.<run>.<n>}: the run. */
    private static String stagingRun(String name) {
        String rest = name.substring(Publication.STAGING_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** {@code .<name>.<run>.tmp}: the run. */
    private static String temporaryRun(String name) {
        String rest = name.substring(0, name.length() - AtomicFile.TEMPORARY_SUFFIX.length());
        return rest.substring(rest.lastIndexOf('.') + 1);
    }
}
