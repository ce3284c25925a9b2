package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one export run, written first into a hidden staging folder inside each export folder (same file
 * system) and published together once all are written: each file renamed into the folder, the folder's
 * {@code manifest.json} last. A run that fails while writing publishes nothing ({@link #discard}), so a reader never
 * sees some of a run's files beside the manifest of an earlier one. A run killed while publishing leaves its
 * complete staging folder, which the next publication into the folder finishes ({@link StaleTemporaries}). With a
 * signing key each manifest is signed over its entries as published ({@link ManifestSignature}).
 */
final class Publication {

    static final String STAGING_PREFIX = ".staging.";
    /** Marks a staging folder whose files and manifest are all written: from then on it is published, never dropped. */
    static final String COMPLETE = ".complete";

    private static final Logger log = LoggerFactory.getLogger(Publication.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One export folder's staged files. */
    private record Staged(Path folder, String tenant, YearMonth month, Path staging, boolean folderIsNew,
            List<ManifestEntry> entries) {
    }

    private final Map<Path, Staged> folders = new LinkedHashMap<>();
    private final List<Path> paths = new ArrayList<>();
    private final SigningKey key;

    /** A publication whose manifests are unsigned. */
    Publication() {
        this(null);
    }

    /** A publication whose manifests {@code key} signs; null: unsigned. */
    Publication(SigningKey key) {
        this.key = key;
    }

    /** Where this run writes the files of {@code folder} until they are published. */
    Path stagingOf(Path folder, String tenant, YearMonth month) {
        return folders.computeIfAbsent(folder, f -> {
            try {
                boolean isNew = !Files.isDirectory(f);
                Path staging = f.resolve(STAGING_PREFIX + RunToken.CURRENT + "." + SEQUENCE.incrementAndGet());
                Files.createDirectories(staging);
                return new Staged(f, tenant, month, staging, isNew, new ArrayList<>());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot create a staging folder in " + f + ": " + e.getMessage(), e);
            }
        }).staging();
    }

    /** Records a file staged for {@code folder} (by {@link #stagingOf}) and its manifest entry. */
    void add(Path folder, ManifestEntry entry) {
        folders.get(folder).entries().add(entry);
        paths.add(folder.resolve(entry.name()));
    }

    /** Publishes every folder's files and then its manifest; returns the published paths, manifests last. */
    List<Path> publish() {
        List<Path> published = new ArrayList<>(paths);
        for (Staged staged : folders.values()) {
            try {
                StaleTemporaries.clear(staged.folder());
                Manifest manifest = previous(staged).existingIn(staged.folder()).with(staged.entries())
                        .signedWith(key);
                manifest.writeTo(staged.staging());
                Files.createFile(staged.staging().resolve(COMPLETE));
                moveInto(staged.staging(), staged.folder());
            }
            catch (IOException e) {
                throw new UncheckedIOException("publishing " + staged.folder() + " failed: " + e.getMessage(), e);
            }
            published.add(staged.folder().resolve(Manifest.FILE_NAME));
        }
        return published;
    }

    /** Removes whatever was staged and not published yet; folders this run created and left empty go too. */
    void discard() {
        for (Staged staged : folders.values()) {
            try {
                if (Files.isDirectory(staged.staging()) && !Files.exists(staged.staging().resolve(COMPLETE))) {
                    StaleTemporaries.deleteTree(staged.staging());
                    if (staged.folderIsNew()) {
                        deleteIfEmpty(staged.folder());
                    }
                }
            }
            catch (IOException e) {
                log.warn("cannot remove {} ({}); the next export of {} removes it", staged.staging(), e.getMessage(),
                        staged.folder());
            }
        }
    }

    /** Renames a complete staging folder's files into {@code folder}, the manifest last, and removes it. */
    static void moveInto(Path staging, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(staging)) {
            files = list.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().equals(Manifest.FILE_NAME)).sorted().toList();
        }
        for (Path file : files) {
            move(file, folder);
        }
        Path manifest = staging.resolve(Manifest.FILE_NAME);
        if (Files.isRegularFile(manifest)) {
            move(manifest, folder);
        }
        StaleTemporaries.deleteTree(staging);
    }

    private static void move(Path file, Path folder) throws IOException {
        Files.move(file, folder.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Manifest previous(Staged staged) {
        Path file = staged.folder().resolve(Manifest.FILE_NAME);
        Manifest empty = Manifest.empty(staged.tenant(), staged.month().toString());
        if (!Files.exists(file)) {
            return empty;
        }
        try {
            return new Manifest(staged.tenant(), staged.month().toString(), Manifest.read(file).files());
        }
        catch (IllegalArgumentException | UncheckedIOException e) {
            log.warn("{}; writing a new one that lists only the files written now (rewrite the whole folder with"
                    + " 'export --month {}')", e.getMessage(), staged.month());
            return empty;
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            if (list.findAny().isPresent()) {
                return;
            }
        }
        Files.deleteIfExists(folder);
    }
}
