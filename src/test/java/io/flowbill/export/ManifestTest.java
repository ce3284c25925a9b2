package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    static final ManifestEntry CHARGES = new ManifestEntry("charges-2026-11-25.csv", "charges", "2026-11-25", 14L,
            new BigDecimal("40.48"), "CNY", 2048, "ab".repeat(32), false, List.of("v1", "v2"), 7L);
    static final ManifestEntry EXCEPTIONS = new ManifestEntry("exceptions-2026-11-25.csv", "exceptions",
            "2026-11-25", 2L, null, null, 300, "cd".repeat(32), false, List.of(), 7L);

    @TempDir
    Path dir;

    @Test
    void writesEntriesSortedByNameWithAmountsAsPrintedAndNothingThatChangesBetweenRuns() {
        Manifest manifest = Manifest.empty("acme", "2026-11").with(List.of(EXCEPTIONS, CHARGES));

        assertThat(manifest.toJson()).isEqualTo("""
                {
                  "format": "flowbill-export-manifest/1",
                  "tenant": "acme",
                  "month": "2026-11",
                  "files": [
                    {
                      "name": "charges-2026-11-25.csv",
                      "kind": "charges",
                      "period": "2026-11-25",
                      "rows": 14,
                      "amount": "40.48",
                      "currency": "CNY",
                      "bytes": 2048,
                      "sha256": "%s",
                      "utf8_bom": false,
                      "price_versions": [
                        "v1",
                        "v2"
                      ],
                      "run_id": 7
                    },
                    {
                      "name": "exceptions-2026-11-25.csv",
                      "kind": "exceptions",
                      "period": "2026-11-25",
                      "rows": 2,
                      "amount": null,
                      "currency": null,
                      "bytes": 300,
                      "sha256": "%s",
                      "utf8_bom": false,
                      "price_versions": [],
                      "run_id": 7
                    }
                  ],
                  "signature": null
                }
                """.formatted("ab".repeat(32), "cd".repeat(32)));
    }

    @Test
    void readsBackWhatItWrote() {
        Manifest manifest = Manifest.empty("acme", "2026-11").with(List.of(CHARGES, EXCEPTIONS));
        manifest.writeTo(dir);

        assertThat(Manifest.read(dir.resolve(Manifest.FILE_NAME))).isEqualTo(manifest);
    }

    @Test
    void replacesEntriesOfTheSameNameAndDropsThoseWhoseFileIsGone() throws IOException {
        Files.writeString(dir.resolve(CHARGES.name()), "x");
        ManifestEntry newer = new ManifestEntry(CHARGES.name(), "charges", "2026-11-25", 15L, new BigDecimal("41.00"),
                "CNY", 2100, "ef".repeat(32), false, List.of("v2"), 8L);

        Manifest merged = Manifest.empty("acme", "2026-11").with(List.of(CHARGES, EXCEPTIONS)).existingIn(dir)
                .with(List.of(newer));

        assertThat(merged.files()).isEqualTo(Map.of(CHARGES.name(), newer));
    }

    @Test
    void refusesAFileThatIsNotAManifestAndAnEntryThatNamesAnotherFolder() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"format\": \"something-else\"}");
        Path escaping = Files.writeString(dir.resolve(Manifest.FILE_NAME), """
                {"format": "flowbill-export-manifest/1", "files": [{"name": "../../etc/passwd", "kind": "charges",
                 "period": "2026-11-25", "sha256": "00"}]}
                """);

        assertThatThrownBy(() -> Manifest.read(other)).hasMessageContaining("is not a flowbill export manifest");
        assertThatThrownBy(() -> Manifest.read(escaping)).hasMessageContaining("is not the name of a file");
    }
}
