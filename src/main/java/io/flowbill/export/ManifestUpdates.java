package io.flowbill.export;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifest entries of the files one export call wrote, per folder; {@link #writeAll} then rewrites each
 * folder's {@code manifest.json}: the entries it had for files still there, with the new entries replacing those of
 * the same name. Files are written before their manifest, so a manifest never lists bytes that are not on disk yet.
 */
final class ManifestUpdates {

    private static final Logger log = LoggerFactory.getLogger(ManifestUpdates.class);

    private record Folder(String tenant, YearMonth month, List<ManifestEntry> entries) {
    }

    private final Map<Path, Folder> folders = new LinkedHashMap<>();

    void add(Path folder, String tenant, YearMonth month, ManifestEntry entry) {
        folders.computeIfAbsent(folder, f -> new Folder(tenant, month, new ArrayList<>())).entries().add(entry);
    }

    /** Writes the manifests; returns their paths. */
    List<Path> writeAll() {
        List<Path> written = new ArrayList<>();
        folders.forEach((path, folder) -> {
            Manifest manifest = previous(path, folder).existingIn(path).with(folder.entries());
            written.add(manifest.writeTo(path).path());
        });
        return written;
    }

    private static Manifest previous(Path path, Folder folder) {
        Path file = path.resolve(Manifest.FILE_NAME);
        Manifest empty = Manifest.empty(folder.tenant(), folder.month().toString());
        if (!Files.exists(file)) {
            return empty;
        }
        try {
            Manifest previous = Manifest.read(file);
            return new Manifest(folder.tenant(), folder.month().toString(), previous.files());
        }
        catch (IllegalArgumentException | UncheckedIOException e) {
            log.warn("{}; writing a new one that lists only the files written now (rewrite the whole folder with"
                    + " 'export --month {}')", e.getMessage(), folder.month());
            return empty;
        }
    }
}
