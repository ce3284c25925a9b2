package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.system.IntegrationTest;

/**
 * Exports sealed with an Ed25519 key ({@code flowbill.export.signing-key-file}): the fixture day billed, every
 * manifest signed, {@code export --verify} with the public key alone accepts the folder as written and refuses the
 * consistent forgery of the charges file (40.48 made 50.48, its entry's checksum, bytes and amount rewritten).
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT })
class SealedExportIT {

    static Path exportDir;
    static SealKeys.Ed25519 keys;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path work = Files.createTempDirectory("flowbill-sealed-it");
        exportDir = work.resolve("out");
        keys = SealKeys.ed25519(work.resolve("keys"));
        registry.add("flowbill.export.dir", exportDir::toString);
        registry.add("flowbill.export.signing-key-file", () -> keys.signing().toString());
    }

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcTemplate jdbc;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void signsEveryManifestAndVerifyRefusesAConsistentForgeryOfTheChargesFile() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, DAY, List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));
        Path acme = exportDir.resolve("acme/2026-11");
        Path manifestFile = acme.resolve("manifest.json");
        Manifest signed = Manifest.read(manifestFile);

        // then: signed, and verified with the public key alone, the invoice CSV adding up as well
        assertThat(signed.signature().algorithm()).isEqualTo("Ed25519");
        assertThat(verify()).as(output()).isZero();
        assertThat(output()).contains("sealed " + manifestFile + " (Ed25519 signature matches)",
                "ok     " + acme.resolve("invoice-2026-11.csv"), "verified 7 files in 1 manifests: all match",
                "signatures (Ed25519): 1 of 1 manifests signed and matching");
        assertThat(keyIn(exportDir)).as("a file of the export holding the private key's PEM body").isEmpty();

        // when: a charge line 10.00 more, and its entry rewritten to fit (checksum, bytes, amount 40.48 -> 50.48)
        Path charges = acme.resolve("charges-2026-11-25.csv");
        String csv = Files.readString(charges);
        Files.writeString(charges, csv.replaceFirst(",1\\.80,CNY,", ",11.80,CNY,"));
        byte[] forged = Files.readAllBytes(charges);
        ManifestEntry entry = signed.files().get(charges.getFileName().toString());
        assertThat(entry.amount()).isEqualByComparingTo("40.48");
        ManifestEntry rewritten = new ManifestEntry(entry.name(), entry.kind(), entry.period(), entry.rows(),
                new BigDecimal("50.48"), entry.currency(), forged.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(forged)), entry.utf8Bom(),
                entry.priceVersions(), entry.runId());
        Map<String, ManifestEntry> files = new TreeMap<>(signed.files());
        files.put(entry.name(), rewritten);
        Files.writeString(manifestFile, new Manifest(signed.tenant(), signed.month(), files, signed.signature())
                .toJson());

        // then: the charges file matches its entry, and only the seal tells
        out.reset();
        assertThat(verify()).isEqualTo(1);
        assertThat(output()).contains("ok     " + charges + " (14 rows, 50.48 CNY",
                "FAILED " + manifestFile + ": signature does not match the manifest's entries",
                "verified 7 files in 1 manifests: 1 problems");
    }

    private int verify() {
        return ManifestCheck.run(exportDir, keys.verify(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The files under {@code dir} that hold the base64 body of the signing key's PEM. */
    private static List<Path> keyIn(Path dir) throws IOException {
        String pem = Files.readString(keys.signing());
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END")).strip();
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(body);
                }
                catch (IOException e) {
                    return true;
                }
            }).toList();
        }
    }
}
