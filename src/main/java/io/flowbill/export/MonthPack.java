package io.flowbill.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code flowbill-<YYYY-MM>.zip} in the export folder: a month's export folders of every tenant, each file with the
 * folder's {@code manifest.json}, as entries {@code <tenant>/<YYYY-MM>/<file>}, to hand to an accountant in one
 * piece. Deterministic: entries in name order, each dated the month's first day 00:00 (no time of writing, no
 * extra fields), so packing the same files again gives the same bytes. Every file is checked against its manifest
 * entry while it is packed, so a pack never holds a file its manifest does not vouch for. {@link ManifestCheck}
 * verifies a pack as it verifies a folder.
 */
final class MonthPack {

    private static final Pattern NAME = Pattern.compile("flowbill-\\d{4}-\\d{2}\\.zip");

    private MonthPack() {
    }

    static String fileName(YearMonth month) {
        return "flowbill-" + month + ".zip";
    }

    /** Whether {@code file} is named as a month pack. */
    static boolean isPack(Path file) {
        return file.getFileName() != null && NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Writes the pack of {@code month} into {@code root} from the export folders given (each with a manifest).
     *
     * @throws IllegalStateException when a file does not match its manifest entry (the folder changed meanwhile)
     */
    static AtomicFile.Written write(Path root, YearMonth month, List<Path> folders) {
        SortedMap<String, Packed> entries = new TreeMap<>();
        for (Path folder : folders) {
            String prefix = folder.getParent().getFileName() + "/" + folder.getFileName() + "/";
            Path manifestFile = folder.resolve(Manifest.FILE_NAME);
            for (ManifestEntry entry : Manifest.read(manifestFile).files().values()) {
                Path file = folder.resolve(entry.name());
                List<String> problems = FileCheck.problems(file, entry);
                if (!problems.isEmpty()) {
                    throw changed(file, String.join("; ", problems));
                }
                entries.put(prefix + entry.name(), new Packed(file, entry.sha256()));
            }
            entries.put(prefix + Manifest.FILE_NAME, new Packed(manifestFile, null));
        }
        LocalDateTime time = month.atDay(1).atStartOfDay();
        clearStaleTemporaries(root);
        return AtomicFile.write(root.resolve(fileName(month)), out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(9);
            for (var packed : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(packed.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                packed.getValue().copyTo(zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** A file to pack and the SHA-256 its manifest gives it (null for the manifest itself). */
    private record Packed(Path file, String sha256) {

        void copyTo(ZipOutputStream zip) throws IOException {
            MessageDigest digest = AtomicFile.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(zip);
            }
            String copied = HexFormat.of().formatHex(digest.digest());
            if (sha256 != null && !sha256.equals(copied)) {
                throw new UncheckedIOException(new IOException(changed(file, "sha256 " + copied + ", manifest says "
                        + sha256).getMessage()));
            }
        }
    }

    /** The temporary file a killed pack left in the export root goes, as a publication clears its folder. */
    private static void clearStaleTemporaries(Path root) {
        try {
            StaleTemporaries.clear(root);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException changed(Path file, String what) {
        return new IllegalStateException(file + " does not match its manifest (" + what + "): the folder changed"
                + " while it was packed; run 'export --month' again");
    }
}
