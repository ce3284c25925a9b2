package io.flowbill.export;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The seal of a {@code manifest.json}: a signature over its entries, so that rewriting a file together with its
 * entry (checksum, bytes and amount made consistent again) no longer passes {@code export --verify}.
 *
 * <p>The signed bytes ({@link #signedBytes}) are UTF-8 text, each line ending in a line feed: the line
 * {@code flowbill-export-manifest/1}, the line {@code <tenant> TAB <month>}, then per file, sorted by name, the line
 * {@code name, kind, period, rows, amount, currency, bytes, sha256, utf8_bom, price_versions joined by ",", run_id},
 * separated by TAB. That is what jq's {@code @tsv} prints for the same values: null is the empty text, true and false
 * as words, numbers as digits, and in text a backslash, TAB, line feed and carriage return become {@code \\},
 * {@code \t}, {@code \n}, {@code \r} (docs/exports.md has the jq and openssl lines that check a seal by hand).
 *
 * @param algorithm {@code Ed25519} or {@code HmacSHA256}
 * @param value     the signature (Ed25519, 64 bytes) or MAC (HMAC-SHA256, 32 bytes) of the signed bytes, base64
 */
record ManifestSignature(String algorithm, String value) {

    static final String ED25519 = "Ed25519";
    static final String HMAC_SHA256 = "HmacSHA256";

    ManifestSignature {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }

    static ManifestSignature of(String algorithm, byte[] signature) {
        return new ManifestSignature(algorithm, Base64.getEncoder().encodeToString(signature));
    }

    /** The signature's bytes; an {@link IllegalArgumentException} when the value is not base64. */
    byte[] bytes() {
        return Base64.getDecoder().decode(value);
    }

    /** The bytes a manifest's signature covers: every field of the manifest but the signature itself. */
    static byte[] signedBytes(Manifest manifest) {
        StringBuilder text = new StringBuilder(Manifest.FORMAT).append('\n');
        line(text, List.of(manifest.tenant(), manifest.month()));
        for (ManifestEntry entry : manifest.files().values()) {
            line(text, List.of(entry.name(), entry.kind(), entry.period(), cell(entry.rows()),
                    entry.amount() == null ? "" : entry.amount().toPlainString(), cell(entry.currency()),
                    Long.toString(entry.bytes()), entry.sha256(), Boolean.toString(entry.utf8Bom()),
                    String.join(",", entry.priceVersions()), cell(entry.runId())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(escaped(cells.get(i)));
        }
        text.append('\n');
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString();
    }

    /** As jq's {@code @tsv} escapes text. */
    private static String escaped(String cell) {
        return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
