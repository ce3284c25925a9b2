package io.flowbill.export;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code flowbill export --verify DIR}: checks every file listed in the {@code manifest.json} files in DIR (an
 * export folder, or any folder above them) against its entry, and names everything in DIR and below that no
 * manifest lists (a manifest itself and the folders that hold export folders excepted): files written before
 * manifests existed, temporary files and staging folders of an export that did not finish, files someone put
 * there. Needs no database and no configuration, so whoever receives the files can run it.
 */
public final class ManifestCheck {

    private static final Pattern EXPORT_FILE = Pattern.compile("(charges|exceptions|invoice|report)-.*\\.(csv|html|pdf)");

    private ManifestCheck() {
    }

    /** Prints a line per file to {@code out} and returns 0 when everything matches, 1 when not, 2 when DIR is absent. */
    public static int run(Path dir, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println("flowbill export: --verify " + dir + " is not a folder; name an export folder such as"
                    + " out/default/2026-11, or the export root");
            return 2;
        }
        List<Path> folders = foldersUnder(dir);
        long manifests = folders.stream().filter(ManifestCheck::hasManifest).count();
        if (manifests == 0) {
            err.println("flowbill export: no " + Manifest.FILE_NAME + " in " + dir + " or below");
            return 1;
        }
        int files = 0;
        int problems = 0;
        for (Path folder : folders) {
            Manifest manifest = null;
            if (hasManifest(folder)) {
                Path manifestFile = folder.resolve(Manifest.FILE_NAME);
                try {
                    manifest = Manifest.read(manifestFile);
                }
                catch (IllegalArgumentException | UncheckedIOException e) {
                    out.println("FAILED " + manifestFile + ": " + e.getMessage());
                    problems++;
                    continue;
                }
                for (ManifestEntry entry : manifest.files().values()) {
                    files++;
                    Path file = folder.resolve(entry.name());
                    List<String> found = FileCheck.problems(file, entry);
                    if (found.isEmpty()) {
                        out.println("ok     " + file + describe(entry));
                    }
                    else {
                        out.println("FAILED " + file + ": " + String.join("; ", found));
                        problems++;
                    }
                }
            }
            for (Path unlisted : unlisted(folder, manifest)) {
                out.println("FAILED " + unlisted + ": " + whyUnlisted(unlisted, manifest));
                problems++;
            }
        }
        out.printf("verified %d files in %d manifests: %s%n", files, manifests,
                problems == 0 ? "all match" : problems + " problems");
        return problems == 0 ? 0 : 1;
    }

    private static String describe(ManifestEntry entry) {
        StringBuilder text = new StringBuilder(" (");
        if (entry.rows() != null) {
            text.append(entry.rows()).append(" rows, ");
        }
        if (entry.amount() != null) {
            text.append(entry.amount().toPlainString()).append(' ').append(entry.currency()).append(", ");
        }
        return text.append("sha256 ").append(entry.sha256(), 0, 12).append("…)").toString();
    }

    private static boolean hasManifest(Path folder) {
        return Files.isRegularFile(folder.resolve(Manifest.FILE_NAME));
    }

    /** DIR and every folder below it, hidden ones (staging folders) excepted: those are reported, not entered. */
    private static List<Path> foldersUnder(Path dir) {
        List<Path> folders = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    if (!folder.equals(dir) && isHidden(folder)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.add(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return folders.stream().sorted().toList();
    }

    /**
     * What is in the folder that no manifest lists: everything but the manifest itself, the listed files and the
     * (not hidden) folders below, which are checked on their own.
     */
    private static List<Path> unlisted(Path folder, Manifest manifest) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(path -> !(Files.isDirectory(path) && !isHidden(path)))
                    .filter(path -> manifest == null || !(isNamed(path, Manifest.FILE_NAME)
                            || manifest.files().containsKey(path.getFileName().toString())))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String whyUnlisted(Path path, Manifest manifest) {
        String name = path.getFileName().toString();
        String notListed = manifest == null ? "no " + Manifest.FILE_NAME + " in its folder lists it"
                : "not in " + Manifest.FILE_NAME;
        if (StaleTemporaries.isStaging(name) && Files.isDirectory(path)) {
            return notListed + ": staging folder of an export that did not finish (or is publishing right now);"
                    + " the next export of this folder finishes or removes it";
        }
        if (StaleTemporaries.isTemporaryFile(name)) {
            return notListed + ": temporary file of an export that did not finish; the next export of this folder"
                    + " removes it";
        }
        if (EXPORT_FILE.matcher(name).matches()) {
            String month = manifest != null ? manifest.month() : path.getParent().getFileName().toString();
            return notListed + " (rewrite the folder with 'export --month " + month + "')";
        }
        return notListed + ": flowbill did not write it; move it out of the export folder";
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static boolean isNamed(Path path, String name) {
        return path.getFileName().toString().equals(name);
    }
}
