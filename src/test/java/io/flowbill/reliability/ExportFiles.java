package io.flowbill.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every file under an export folder, hidden and temporary ones included, by path relative to the folder. Compared
 * byte for byte, with one exception: {@code manifest.json} ({@code "run_id"}) and the day's report ({@code run N})
 * name the rating's job execution, and a run that was repeated after a failure is another execution. Those ids are
 * masked, and so are the size and SHA-256 the manifest gives of the report; every other byte counts.
 */
record ExportFiles(Map<String, byte[]> files) {

    private static final Pattern MANIFEST_RUN = Pattern.compile("\"run_id\": \\d+");
    private static final Pattern REPORT_RUN = Pattern.compile("run \\d+");
    private static final Pattern REPORT_ENTRY = Pattern.compile(
            "(\"name\": \"report-[^\"]+\",[^}]*?\"bytes\": )\\d+(,\\s*\"sha256\": \")[0-9a-f]+", Pattern.DOTALL);

    static ExportFiles of(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        return new ExportFiles(files);
    }

    /** Files missing, extra, or with other bytes (run ids masked) than in {@code reference}. */
    List<String> differingFrom(ExportFiles reference) {
        TreeSet<String> names = new TreeSet<>(files.keySet());
        names.addAll(reference.files.keySet());
        return names.stream().filter(name -> !sameBytes(name, files.get(name), reference.files.get(name))).toList();
    }

    private static boolean sameBytes(String name, byte[] mine, byte[] theirs) {
        if (mine == null || theirs == null) {
            return false;
        }
        if (Arrays.equals(mine, theirs)) {
            return true;
        }
        return masked(name, mine).equals(masked(name, theirs));
    }

    private static String masked(String name, byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (name.endsWith("manifest.json")) {
            String runs = MANIFEST_RUN.matcher(text).replaceAll("\"run_id\": N");
            return REPORT_ENTRY.matcher(runs).replaceAll("$1N$2X");
        }
        if (name.contains("report-") && name.endsWith(".html")) {
            return REPORT_RUN.matcher(text).replaceAll("run N");
        }
        return text + "\u0000unmasked";
    }
}
