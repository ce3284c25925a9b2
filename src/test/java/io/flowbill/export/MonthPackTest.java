package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowbill-<YYYY-MM>.zip}: the month's folders of every tenant with their manifests, byte-identical when
 * packed again, and {@code export --verify} checks every file inside it against the manifest packed beside it.
 */
class MonthPackTest {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    @TempDir
    Path root;

    List<Path> folders = new ArrayList<>();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void twoTenantsWithAFolderEach() {
        folders.add(folder("acme", "1.80", "0.72"));
        folders.add(folder("zeta", "3.00", "0.15"));
    }

    @Test
    void packsEveryListedFileAndTheManifestsInNameOrderAtTheMonthsFirstDay() throws IOException {
        Path pack = MonthPack.write(root, MONTH, folders).path();

        assertThat(pack).isEqualTo(root.resolve("flowbill-2026-11.zip"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pack))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).as("time of %s", entry.getName())
                        .isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
                assertThat(entry.getExtra()).as("extra fields of %s", entry.getName()).isNull();
                if (entry.getName().endsWith(".csv")) {
                    Path file = root.resolve(entry.getName());
                    assertThat(zip.readAllBytes()).as("bytes of %s", entry.getName())
                            .isEqualTo(Files.readAllBytes(file));
                }
            }
        }
        assertThat(names).containsExactly("acme/2026-11/charges-2026-11-25.csv", "acme/2026-11/manifest.json",
                "zeta/2026-11/charges-2026-11-25.csv", "zeta/2026-11/manifest.json");
    }

    @Test
    void writesTheSameBytesWhenPackedAgain() throws IOException {
        byte[] first = Files.readAllBytes(MonthPack.write(root, MONTH, folders).path());
        Files.delete(root.resolve("flowbill-2026-11.zip"));

        byte[] again = Files.readAllBytes(MonthPack.write(root, MONTH, folders).path());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void verifyAcceptsThePackGivenItselfOrFoundInTheExportRoot() {
        Path pack = MonthPack.write(root, MONTH, folders).path();

        assertThat(verify(pack)).as(output()).isZero();
        assertThat(output()).contains("ok     " + pack + "!/acme/2026-11/charges-2026-11-25.csv (2 rows, 2.52 CNY")
                .contains("verified 2 files in 2 manifests: all match");
        assertThat(verify(root)).as(output()).isZero();
        assertThat(output()).contains("verified 4 files in 4 manifests: all match");
    }

    @Test
    void verifyCatchesACentChangedInsideThePack() throws IOException {
        Path pack = MonthPack.write(root, MONTH, folders).path();
        rewriteEntry(pack, "zeta/2026-11/charges-2026-11-25.csv", csv -> csv.replace("0.15", "0.16"));

        assertThat(verify(pack)).as(output()).isEqualTo(1);
        assertThat(output()).contains("FAILED " + pack + "!/zeta/2026-11/charges-2026-11-25.csv: sha256 ",
                "amounts add up to 3.16, manifest says 3.15", "1 problems");
    }

    @Test
    void verifyNamesAFileInThePackThatNoManifestListsAndAPackWithoutManifests() throws IOException {
        Path pack = MonthPack.write(root, MONTH, folders).path();
        addEntry(pack, "acme/2026-11/charges-2026-11-26.csv", "container_id,amount\r\n101,9.99\r\n");

        assertThat(verify(pack)).as(output()).isEqualTo(1);
        assertThat(output()).contains("FAILED " + pack + "!/acme/2026-11/charges-2026-11-26.csv: not in manifest.json");

        Path empty = root.resolve("other/flowbill-2026-10.zip");
        Files.createDirectories(empty.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
        }
        assertThat(verify(empty)).isEqualTo(1);
        assertThat(output()).contains("FAILED " + empty + "!/readme.txt: no manifest.json in its folder lists it");
    }

    @Test
    void refusesToPackAFileThatNoLongerMatchesItsManifest() throws IOException {
        Path charges = folders.get(0).resolve("charges-2026-11-25.csv");
        Files.writeString(charges, Files.readString(charges).replace("1.80", "1.81"));

        assertThatThrownBy(() -> MonthPack.write(root, MONTH, folders)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(charges + " does not match its manifest")
                .hasMessageContaining("amounts add up to 2.53, manifest says 2.52");
        assertThat(root.resolve("flowbill-2026-11.zip")).doesNotExist();
    }

    @Test
    void removesTheTemporaryFileOfAKilledPackFromTheExportRoot() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        long started = ended.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
        ended.waitFor();
        Path left = Files.writeString(root.resolve(".flowbill-2026-11.zip." + ended.pid() + "-" + started + ".tmp"),
                "PK");
        assertThat(verify(root)).as("export --verify with the temporary file: %s", output()).isEqualTo(1);

        MonthPack.write(root, MONTH, folders);

        assertThat(left).doesNotExist();
        assertThat(verify(root)).as(output()).isZero();
    }

    private Path folder(String tenant, String first, String second) {
        Path folder = root.resolve(tenant).resolve(MONTH.toString());
        AtomicFile.Written charges = CsvFile.write(folder.resolve("charges-2026-11-25.csv"),
                List.of("container_id", "amount"), false, sink -> {
                    sink.row("101", first);
                    sink.row("102", second);
                });
        Manifest.empty(tenant, MONTH.toString()).with(List.of(ManifestEntry.of(charges, "charges", "2026-11-25", 2L,
                new BigDecimal(first).add(new BigDecimal(second)), "CNY", false, List.of("v1"), 3L)))
                .writeTo(folder);
        return folder;
    }

    private int verify(Path path) {
        out.reset();
        return ManifestCheck.run(path, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Copies the archive with one entry's text changed, as someone editing it with an archive tool would. */
    private static void rewriteEntry(Path pack, String name, UnaryOperator<String> edit) throws IOException {
        copy(pack, name, edit, null, null);
    }

    private static void addEntry(Path pack, String name, String text) throws IOException {
        copy(pack, null, UnaryOperator.identity(), name, text);
    }

    private static void copy(Path pack, String edited, UnaryOperator<String> edit, String added, String text)
            throws IOException {
        Path copy = pack.resolveSibling("copy.zip");
        try (InputStream in = Files.newInputStream(pack); ZipInputStream zin = new ZipInputStream(in);
                OutputStream o = Files.newOutputStream(copy); ZipOutputStream zout = new ZipOutputStream(o)) {
            for (ZipEntry entry = zin.getNextEntry(); entry != null; entry = zin.getNextEntry()) {
                byte[] bytes = zin.readAllBytes();
                if (entry.getName().equals(edited)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(entry.getName()));
                zout.write(bytes);
            }
            if (added != null) {
                zout.putNextEntry(new ZipEntry(added));
                zout.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(copy, pack, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
