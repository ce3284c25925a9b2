package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's files appear together, manifest last, or not at all; an interrupted publication is finished later. */
class PublicationTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path root;

    @Test
    void publishesNothingAndLeavesNoTemporaryWhenDiscardedBeforePublishing() throws IOException {
        Path folder = root.resolve("acme/2026-11");
        Publication publication = new Publication();
        stage(publication, folder, "charges-2026-11-25.csv", "1.80");

        publication.discard();

        assertThat(folder).as("a folder only this run would have created").doesNotExist();
    }

    @Test
    void finishesAPublicationWhoseRunWasKilledAfterStagingEverything() throws IOException {
        // given: a run that staged two files and their manifest, was killed after renaming the first into the folder
        Path folder = root.resolve("acme/2026-11");
        Publication killed = new Publication();
        stage(killed, folder, "charges-2026-11-25.csv", "1.80");
        stage(killed, folder, "charges-2026-11-26.csv", "2.40");
        Path staging;
        try (Stream<Path> list = Files.list(folder)) {
            staging = list.filter(path -> StaleTemporaries.isStaging(path.getFileName().toString())).findFirst()
                    .orElseThrow();
        }
        Path dead = folder.resolve(".staging.999999999-1." + staging.getFileName().toString().replaceAll(".*\\.", ""));
        Files.move(staging, dead);
        Manifest.empty("acme", "2026-11").with(List.of(entry(dead, "charges-2026-11-25.csv", "1.80"),
                entry(dead, "charges-2026-11-26.csv", "2.40"))).writeTo(dead);
        Files.createFile(dead.resolve(Publication.COMPLETE));
        Files.move(dead.resolve("charges-2026-11-25.csv"), folder.resolve("charges-2026-11-25.csv"));

        // when: the next run publishes into the folder
        Publication next = new Publication();
        stage(next, folder, "charges-2026-11-27.csv", "0.72");
        next.publish();

        // then
        assertThat(ManifestCheck.run(root, new PrintStream(OutputStream.nullOutputStream()),
                System.err)).as("export --verify after the next publication").isZero();
        assertThat(Manifest.read(folder.resolve("manifest.json")).files()).containsOnlyKeys("charges-2026-11-25.csv",
                "charges-2026-11-26.csv", "charges-2026-11-27.csv");
        try (Stream<Path> list = Files.list(folder)) {
            assertThat(list.map(path -> path.getFileName().toString())).as("files in %s", folder)
                    .containsExactlyInAnyOrder("charges-2026-11-25.csv", "charges-2026-11-26.csv",
                            "charges-2026-11-27.csv", "manifest.json");
        }
    }

    private static void stage(Publication publication, Path folder, String name, String amount) {
        Path staging = publication.stagingOf(folder, "acme", NOVEMBER);
        AtomicFile.Written file = CsvFile.write(staging.resolve(name), List.of("container_id", "amount"), false,
                sink -> sink.row("101", amount));
        publication.add(folder, ManifestEntry.of(file, "charges", name.substring(8, 18), 1L, new BigDecimal(amount),
                "CNY", false, List.of("v1"), 1L));
    }

    private static ManifestEntry entry(Path staging, String name, String amount) throws IOException {
        byte[] bytes = Files.readAllBytes(staging.resolve(name));
        return ManifestEntry.of(new AtomicFile.Written(staging.resolve(name), bytes.length,
                HexFormat.of().formatHex(sha256(bytes))), "charges", name.substring(8, 18), 1L,
                new BigDecimal(amount), "CNY", false, List.of("v1"), 1L);
    }

    private static byte[] sha256(byte[] bytes) {
        return AtomicFile.sha256().digest(bytes);
    }
}
