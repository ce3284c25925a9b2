package io.flowbill.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of an export folder as its {@code manifest.json} lists it.
 *
 * @param name          the file name in the folder, e.g. {@code charges-2026-11-25.csv}
 * @param kind          {@code charges}, {@code exceptions}, {@code invoice} or {@code report}
 * @param period        the day ({@code YYYY-MM-DD}) or month ({@code YYYY-MM}) the file covers
 * @param rows          data rows of a CSV file (the header not counted); null for the report
 * @param amount        the sum of the file's {@code amount} column as printed (the report: of its charges file);
 *                      null for exceptions
 * @param currency      the currency of {@code amount}; null when there is no amount
 * @param bytes         the file's size
 * @param sha256        the SHA-256 of the file's bytes, lower-case hex
 * @param utf8Bom       whether the file starts with a UTF-8 byte order mark ({@code flowbill.export.excel-bom})
 * @param priceVersions the price book versions of the charge lines behind the file, sorted
 * @param runId         the ratingJob execution that last changed the charge lines behind the file; null when its
 *                      day (or every day of its month) was never rated
 */
record ManifestEntry(String name, String kind, String period, Long rows, BigDecimal amount, String currency,
        long bytes, String sha256, boolean utf8Bom, List<String> priceVersions, Long runId) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    ManifestEntry {
        Objects.requireNonNull(name, "name");
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not the name of a file in the folder");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(sha256, "sha256");
        priceVersions = List.copyOf(priceVersions);
    }

    /** The entry of a file just written. */
    static ManifestEntry of(AtomicFile.Written file, String kind, String period, Long rows, BigDecimal amount,
            String currency, boolean utf8Bom, List<String> priceVersions, Long runId) {
        return new ManifestEntry(file.path().getFileName().toString(), kind, period, rows, amount,
                amount == null ? null : currency, file.bytes(), file.sha256(), utf8Bom, priceVersions, runId);
    }

    boolean isCsv() {
        return name.endsWith(".csv");
    }
}
