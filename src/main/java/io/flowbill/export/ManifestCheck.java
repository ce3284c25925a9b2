package io.flowbill.export;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code flowbill export --verify DIR}: checks every file listed in the {@code manifest.json} files in DIR (an
 * export folder, or any folder above them) against its entry, and names the export files no manifest lists. Needs
 * no database and no configuration, so whoever receives the files can run it.
 */
public final class ManifestCheck {

    private static final Pattern EXPORT_FILE = Pattern.compile("(charges|exceptions|invoice|report)-.*\\.(csv|html)");

    private ManifestCheck() {
    }

    /** Prints a line per file to {@code out} and returns 0 when everything matches, 1 when not, 2 when DIR is absent. */
    public static int run(Path dir, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println("flowbill export: --verify " + dir + " is not a folder; name an export folder such as"
                    + " out/default/2026-11, or the export root");
            return 2;
        }
        List<Path> manifests = manifestsUnder(dir);
        if (manifests.isEmpty()) {
            err.println("flowbill export: no " + Manifest.FILE_NAME + " in " + dir + " or below");
            return 1;
        }
        int files = 0;
        int problems = 0;
        for (Path manifestFile : manifests) {
            Path folder = manifestFile.getParent();
            Manifest manifest;
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
            for (String unlisted : unlisted(folder, manifest)) {
                out.println("FAILED " + folder.resolve(unlisted) + ": not in " + Manifest.FILE_NAME
                        + " (rewrite the folder with 'export --month " + manifest.month() + "')");
                problems++;
            }
        }
        out.printf("verified %d files in %d manifests: %s%n", files, manifests.size(),
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

    private static List<Path> manifestsUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(path -> path.getFileName().toString().equals(Manifest.FILE_NAME))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> unlisted(Path folder, Manifest manifest) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.map(path -> path.getFileName().toString())
                    .filter(name -> EXPORT_FILE.matcher(name).matches() && !manifest.files().containsKey(name))
                    .sorted().forEach(names::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return names;
    }
}
