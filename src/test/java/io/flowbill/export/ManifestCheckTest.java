package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --verify}: every listed file against its entry, without a database. */
class ManifestCheckTest {

    @TempDir
    Path root;

    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void folderWithTwoFilesAndItsManifest() {
        folder = root.resolve("acme/2026-11");
        AtomicFile.Written charges = CsvFile.write(folder.resolve("charges-2026-11-25.csv"),
                List.of("container_id", "amount"), true, sink -> {
                    sink.row("101", "1.80");
                    sink.row("102", "0.72");
                });
        AtomicFile.Written exceptions = CsvFile.write(folder.resolve("exceptions-2026-11-25.csv"),
                List.of("container_id", "raw_value"), false, sink -> sink.row("102", "12.3XB"));
        Manifest.empty("acme", "2026-11").with(List.of(
                ManifestEntry.of(charges, "charges", "2026-11-25", 2L, new BigDecimal("2.52"), "CNY", true,
                        List.of("v1"), 3L),
                ManifestEntry.of(exceptions, "exceptions", "2026-11-25", 1L, null, "CNY", false, List.of(), 3L)))
                .writeTo(folder);
    }

    @Test
    void passesWhenEveryFileMatchesItsEntry() {
        assertThat(verify(root)).as(output()).isZero();
        assertThat(output()).contains("ok     " + folder.resolve("charges-2026-11-25.csv") + " (2 rows, 2.52 CNY")
                .contains("verified 2 files in 1 manifests: all match");
    }

    @Test
    void namesWhatDiffersInAChangedFile() throws IOException {
        Path charges = folder.resolve("charges-2026-11-25.csv");
        byte[] bytes = Files.readAllBytes(charges);
        String edited = new String(bytes, StandardCharsets.UTF_8).replace("1.80", "9.80");
        Files.write(charges, edited.getBytes(StandardCharsets.UTF_8));

        assertThat(verify(folder)).isEqualTo(1);
        assertThat(output()).contains("FAILED " + charges + ": sha256 ", "amounts add up to 10.52, manifest says 2.52")
                .contains("1 problems");
    }

    @Test
    void failsForAMissingFileAndAnExportFileNoManifestLists() throws IOException {
        Files.delete(folder.resolve("exceptions-2026-11-25.csv"));
        Files.writeString(folder.resolve("charges-2026-11-26.csv"), "container_id,amount\r\n");

        assertThat(verify(root)).isEqualTo(1);
        assertThat(output()).contains("FAILED " + folder.resolve("exceptions-2026-11-25.csv") + ": missing")
                .contains("FAILED " + folder.resolve("charges-2026-11-26.csv") + ": not in manifest.json"
                        + " (rewrite the folder with 'export --month 2026-11')");
    }

    @Test
    void failsForTemporaryFilesAndStagingFoldersAnInterruptedExportLeftAndNamesThem() throws IOException {
        Path temporary = Files.writeString(folder.resolve(".charges-2026-11-25.csv.4242.tmp"), "tenant,da");
        Path staging = Files.createDirectories(folder.resolve(".staging.4242-1700000000000.1"));
        Files.writeString(staging.resolve("manifest.json"), "{}");

        assertThat(verify(root)).isEqualTo(1);
        assertThat(output()).contains("FAILED " + temporary + ": not in manifest.json: temporary file of an export"
                + " that did not finish; the next export of this folder removes it")
                .contains("FAILED " + staging + ": not in manifest.json: staging folder of an export that did not"
                        + " finish (or is publishing right now); the next export of this folder finishes or removes it")
                .contains("verified 2 files in 1 manifests: 2 problems");
    }

    @Test
    void failsForAnyFileNoManifestListsButTheManifestItself() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "mine");
        Path older = Files.createDirectories(root.resolve("acme/2026-10")).resolve("charges-2026-10-31.csv");
        Files.writeString(older, "container_id,amount\r\n");

        assertThat(verify(root)).isEqualTo(1);
        assertThat(output()).contains("FAILED " + notes + ": not in manifest.json: flowbill did not write it; move it"
                + " out of the export folder")
                .contains("FAILED " + older + ": no manifest.json in its folder lists it (rewrite the folder with"
                        + " 'export --month 2026-10')")
                .doesNotContain("FAILED " + folder.resolve("manifest.json"))
                .contains("2 problems");
    }

    @Test
    void refusesAFolderThatDoesNotExistAndOneWithoutManifest() throws IOException {
        assertThat(verify(root.resolve("nowhere"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a folder");
        assertThat(verify(Files.createDirectories(root.resolve("empty")))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no manifest.json in");
    }

    private int verify(Path dir) {
        out.reset();
        err.reset();
        return ManifestCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
