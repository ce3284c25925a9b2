package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.ConfigurationRefused;

/**
 * Sealed exports: a manifest signed with {@code flowbill.export.signing-key-file} and checked by {@code export
 * --verify --key-file}. The folder holds a charges file of two lines, 1.80 + 0.72 = 2.52 CNY.
 */
class ManifestSealTest {

    @TempDir
    Path root;

    Path folder;
    Path charges;
    SealKeys.Ed25519 keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aFolderWithAChargesFileOf252() {
        folder = root.resolve("out/acme/2026-11");
        charges = folder.resolve("charges-2026-11-25.csv");
        keys = SealKeys.ed25519(root.resolve("keys"));
    }

    private Manifest manifest() {
        AtomicFile.Written file = CsvFile.write(charges, List.of("container_id", "amount"), false, sink -> {
            sink.row("101", "1.80");
            sink.row("102", "0.72");
        });
        return Manifest.empty("acme", "2026-11").with(List.of(ManifestEntry.of(file, "charges", "2026-11-25", 2L,
                new BigDecimal("2.52"), "CNY", false, List.of("v1"), 3L)));
    }

    private void writeSigned(Path signingKey) {
        manifest().signedWith(SigningKey.of(signingKey)).writeTo(folder);
    }

    @Test
    void verifiesASignedFolderWithThePublicKeyAlone() {
        writeSigned(keys.signing());

        assertThat(verify(keys.verify())).as(output()).isZero();
        assertThat(output()).contains("sealed " + folder.resolve("manifest.json") + " (Ed25519 signature matches)")
                .contains("verified 1 files in 1 manifests: all match")
                .contains("signatures (Ed25519): 1 of 1 manifests signed and matching");
    }

    @Test
    void refusesAChargesFileChangedBy10WhoseEntryWasRewrittenConsistently() throws IOException {
        writeSigned(keys.signing());
        // given: 1.80 becomes 11.80, and the entry's checksum, bytes and amount (2.52 -> 12.52) are made to fit
        String before = Files.readString(charges);
        Files.writeString(charges, before.replace("1.80", "11.80"));
        byte[] forged = Files.readAllBytes(charges);
        Path manifestFile = folder.resolve("manifest.json");
        String json = Files.readString(manifestFile)
                .replace(sha256(before.getBytes(StandardCharsets.UTF_8)), sha256(forged))
                .replace("\"bytes\": " + before.length(), "\"bytes\": " + forged.length)
                .replace("\"amount\": \"2.52\"", "\"amount\": \"12.52\"");
        Files.writeString(manifestFile, json);

        // then: every file matches its (rewritten) entry; only the signature tells
        assertThat(verify(keys.verify())).isEqualTo(1);
        assertThat(output()).contains("ok     " + charges + " (2 rows, 12.52 CNY")
                .contains("FAILED " + manifestFile + ": signature does not match the manifest's entries")
                .contains("verified 1 files in 1 manifests: 1 problems");
        // without the key the forgery is not caught, and the output says the signature was not checked
        out.reset();
        assertThat(verify(null)).isZero();
        assertThat(output()).contains("signed " + manifestFile + " (Ed25519, not checked: give --key-file");
    }

    @Test
    void refusesAManifestWithoutSignatureWhenAKeyIsGiven() throws IOException {
        writeSigned(keys.signing());
        Path manifestFile = folder.resolve("manifest.json");
        String json = Files.readString(manifestFile);
        Files.writeString(manifestFile, json.substring(0, json.indexOf("\"signature\": {")) + "\"signature\": null\n}\n");

        assertThat(verify(keys.verify())).isEqualTo(1);
        assertThat(output()).contains("FAILED " + manifestFile + ": carries no signature, but a key was given");
    }

    @Test
    void reportsAnUnsignedManifestAsUnsigned() throws IOException {
        manifest().signedWith(null).writeTo(folder);

        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"signature\": null");
        assertThat(verify(null)).isZero();
        assertThat(output()).contains("unsigned " + folder.resolve("manifest.json") + " (no signature")
                .contains("signatures: not checked (no --key-file): 0 manifests signed, 1 unsigned");
    }

    @Test
    void refusesTheSignatureOfAnotherKey() {
        writeSigned(keys.signing());
        SealKeys.Ed25519 other = SealKeys.ed25519(root.resolve("other"));

        assertThat(verify(other.verify())).isEqualTo(1);
        assertThat(output()).contains("signature does not match");
    }

    @Test
    void signsAndVerifiesWithAnHmacKeyAndRefusesAnotherOne() {
        Path hmac = SealKeys.hmac(root.resolve("hmac.key"), 32, 7);
        writeSigned(hmac);

        assertThat(verify(hmac)).as(output()).isZero();
        assertThat(output()).contains("(HmacSHA256 signature matches)");
        out.reset();
        assertThat(verify(SealKeys.hmac(root.resolve("other.key"), 32, 8))).isEqualTo(1);
        assertThat(verify(keys.verify())).isEqualTo(1);
        assertThat(output()).contains("signed with HmacSHA256, but the key given is an Ed25519 key");
    }

    @Test
    void readsAKeyPairThatOpensslMade() {
        // openssl genpkey -algorithm ed25519 -out signing.pem; openssl pkey -in signing.pem -pubout -out verify.pem
        Path signing = SealKeys.write(root.resolve("openssl-signing.pem"), """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIKTszObHFzTdQSSN4mAdn+jBm5YWvXQSrINLacxC9YFW
                -----END PRIVATE KEY-----
                """);
        Path verifying = SealKeys.write(root.resolve("openssl-verify.pem"), """
                -----BEGIN PUBLIC KEY-----
                MCowBQYDK2VwAyEAltsdubh4yOyfDd6s8ahcBj/BWLE6ngnaLTzKyFoUr1A=
                -----END PUBLIC KEY-----
                """);
        writeSigned(signing);

        assertThat(verify(verifying)).as(output()).isZero();
        assertThat(verify(keys.verify())).isEqualTo(1);
    }

    @Test
    void signsTheEntriesAsTabSeparatedLines() {
        Manifest manifest = Manifest.empty("acme", "2026-11").with(List.of(ManifestTest.CHARGES,
                ManifestTest.EXCEPTIONS));

        assertThat(new String(ManifestSignature.signedBytes(manifest), StandardCharsets.UTF_8)).isEqualTo(
                "flowbill-export-manifest/1\n"
                        + "acme\t2026-11\n"
                        + "charges-2026-11-25.csv\tcharges\t2026-11-25\t14\t40.48\tCNY\t2048\t" + "ab".repeat(32)
                        + "\tfalse\tv1,v2\t7\n"
                        + "exceptions-2026-11-25.csv\texceptions\t2026-11-25\t2\t\t\t300\t" + "cd".repeat(32)
                        + "\tfalse\t\t7\n");
    }

    @Test
    void aBadSigningKeyFileIsAConfigurationErrorNamingTheSettingAndNoKeyByte() throws IOException {
        Path shortKey = SealKeys.write(root.resolve("short.key"), "c2VjcmV0\n");
        String missing = root.resolve("missing.pem").toString();

        assertThatThrownBy(() -> SigningKey.of(shortKey)).isInstanceOf(ConfigurationRefused.class)
                .hasMessage("flowbill.export.signing-key-file: " + shortKey + " is neither a PEM Ed25519 key nor an"
                        + " HMAC-SHA256 key of at least 32 bytes (it has 6); make one with 'openssl genpkey -algorithm"
                        + " ed25519' or 'openssl rand -base64 32'")
                .message().doesNotContain("c2VjcmV0").doesNotContain("secret");
        assertThatThrownBy(() -> SigningKey.of(Path.of(missing))).isInstanceOf(ConfigurationRefused.class)
                .hasMessage("flowbill.export.signing-key-file: cannot read " + missing + " (no such file)");
        assertThatThrownBy(() -> SigningKey.of(keys.verify())).isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("flowbill.export.signing-key-file: " + keys.verify() + " is an Ed25519 public"
                        + " key");
        assertThat(SigningKey.of(null)).isNull();
        assertThat(SigningKey.of(keys.signing()).toString()).isEqualTo("SigningKey[Ed25519]");
    }

    @Test
    void theVerifierRefusesThePrivateKeyWithExit2() {
        writeSigned(keys.signing());

        assertThat(verify(keys.signing())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("flowbill export: --key-file " + keys.signing()
                + " is an Ed25519 private key; verify with its public key");
    }

    private int verify(Path key) {
        return ManifestCheck.run(root.resolve("out"), key, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
