package io.flowbill.export;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipError;

/**
 * {@code flowbill export --verify DIR}: checks every file listed in the {@code manifest.json} files in DIR (an
 * export folder, or any folder above them) against its entry, and names everything in DIR and below that no
 * manifest lists (a manifest itself and the folders that hold export folders excepted): files written before
 * manifests existed, temporary files and staging folders of an export that did not finish, files someone put
 * there. A month pack ({@code flowbill-<YYYY-MM>.zip}) is checked inside, given itself or found in DIR. An invoice
 * CSV must also add up ({@link InvoiceCsvCheck}). With a key ({@code --key-file}, {@link VerifyingKey}) every
 * manifest's signature must hold, and an unsigned manifest is refused; without one each manifest is reported as
 * signed (not checked) or unsigned. Needs no database and no configuration, so whoever receives the files can run it.
 */
public final class ManifestCheck {

    private static final Pattern EXPORT_FILE = Pattern.compile("(charges|exceptions|invoice|report)-.*\\.(csv|html|pdf)");

    private ManifestCheck() {
    }

    /**
     * Prints a line per file to {@code out} and returns 0 when everything matches, 1 when not, 2 when DIR is
     * neither a folder nor a month pack ({@link MonthPack}, whose folders are checked inside the archive).
     */
    public static int run(Path dir, PrintStream out, PrintStream err) {
        return run(dir, null, out, err);
    }

    /**
     * As {@link #run(Path, PrintStream, PrintStream)}, checking every manifest's signature with the key in
     * {@code keyFile} (null: signatures are reported, not checked); 2 when the key file holds no verifying key.
     */
    public static int run(Path dir, Path keyFile, PrintStream out, PrintStream err) {
        VerifyingKey key = null;
        if (keyFile != null) {
            try {
                key = VerifyingKey.of(keyFile);
            }
            catch (IllegalArgumentException e) {
                err.println("flowbill export: --key-file " + e.getMessage());
                return 2;
            }
        }
        boolean pack = Files.isRegularFile(dir) && MonthPack.isPack(dir);
        if (!pack && !Files.isDirectory(dir)) {
            err.println("flowbill export: --verify " + dir + " is not a folder or a month pack; name an export folder"
                    + " such as out/default/2026-11, the export root, or a pack such as out/flowbill-2026-11.zip");
            return 2;
        }
        if (!pack && manifestsUnder(dir) == 0) {
            err.println("flowbill export: no " + Manifest.FILE_NAME + " in " + dir + " or below");
            return 1;
        }
        Tally tally = new Tally(key);
        if (pack) {
            checkPack(dir, out, tally);
        }
        else {
            check(dir, "", out, tally);
        }
        out.printf("verified %d files in %d manifests: %s%n", tally.files, tally.manifests,
                tally.problems == 0 ? "all match" : tally.problems + " problems");
        out.println(tally.seals.summary(tally.manifests));
        return tally.problems == 0 ? 0 : 1;
    }

    /** What a verification found so far. */
    private static final class Tally {
        final SealCheck seals;
        int files;
        int manifests;
        int problems;

        Tally(VerifyingKey key) {
            this.seals = new SealCheck(key);
        }
    }

    /** Checks DIR and below; paths print as {@code shownAs} followed by the path. */
    private static void check(Path dir, String shownAs, PrintStream out, Tally tally) {
        for (Path folder : foldersUnder(dir)) {
            Manifest manifest = null;
            if (hasManifest(folder)) {
                Path manifestFile = folder.resolve(Manifest.FILE_NAME);
                tally.manifests++;
                try {
                    manifest = Manifest.read(manifestFile);
                }
                catch (IllegalArgumentException | UncheckedIOException e) {
                    out.println("FAILED " + shownAs + manifestFile + ": " + e.getMessage());
                    tally.problems++;
                    continue;
                }
                if (!tally.seals.check(manifest, shownAs + manifestFile, out)) {
                    tally.problems++;
                }
                for (ManifestEntry entry : manifest.files().values()) {
                    tally.files++;
                    Path file = folder.resolve(entry.name());
                    List<String> found = new ArrayList<>(FileCheck.problems(file, entry));
                    if (entry.isCsv() && entry.kind().equals("invoice") && Files.isRegularFile(file)) {
                        found.addAll(InvoiceCsvCheck.problems(file, entry, manifest));
                    }
                    if (found.isEmpty()) {
                        out.println("ok     " + shownAs + file + describe(entry));
                    }
                    else {
                        out.println("FAILED " + shownAs + file + ": " + String.join("; ", found));
                        tally.problems++;
                    }
                }
            }
            for (Path unlisted : unlisted(folder, manifest)) {
                if (manifest == null && shownAs.isEmpty() && MonthPack.isPack(unlisted)
                        && Files.isRegularFile(unlisted)) {
                    checkPack(unlisted, out, tally);
                    continue;
                }
                out.println("FAILED " + shownAs + unlisted + ": " + whyUnlisted(unlisted, manifest));
                tally.problems++;
            }
        }
    }

    /** Checks the folders inside a month pack, each file against the manifest packed beside it. */
    private static void checkPack(Path pack, PrintStream out, Tally tally) {
        int manifests = tally.manifests;
        int problems = tally.problems;
        try (FileSystem archive = FileSystems.newFileSystem(pack)) {
            check(archive.getPath("/"), pack + "!", out, tally);
        }
        catch (IOException | UncheckedIOException | ZipError e) {
            out.println("FAILED " + pack + ": not a readable zip archive (" + e.getMessage() + ")");
            tally.problems++;
            return;
        }
        if (tally.manifests == manifests && tally.problems == problems) {
            out.println("FAILED " + pack + ": holds no " + Manifest.FILE_NAME);
            tally.problems++;
        }
    }

    /** Manifests in DIR and below, counting a month pack found in a folder without one as one. */
    private static long manifestsUnder(Path dir) {
        long count = 0;
        for (Path folder : foldersUnder(dir)) {
            if (hasManifest(folder)) {
                count++;
            }
            else {
                count += unlisted(folder, null).stream().filter(MonthPack::isPack).count();
            }
        }
        return count;
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
