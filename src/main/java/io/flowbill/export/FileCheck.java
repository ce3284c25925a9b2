package io.flowbill.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks one file against its manifest entry: size and SHA-256, and for a CSV file also the byte order mark, the
 * data rows and the sum of its {@code amount} column, so that a mismatch says what differs, not only that it does.
 */
final class FileCheck {

    private FileCheck() {
    }

    /** What differs between the file and its entry; empty when it matches. */
    static List<String> problems(Path file, ManifestEntry entry) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add("missing");
            return problems;
        }
        try {
            MessageDigest digest = AtomicFile.sha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (size != entry.bytes()) {
                problems.add("size " + size + " bytes, manifest says " + entry.bytes());
            }
            if (!sha256.equals(entry.sha256())) {
                problems.add("sha256 " + sha256 + ", manifest says " + entry.sha256());
            }
            if (entry.isCsv()) {
                csvProblems(file, entry, problems);
            }
        }
        catch (IOException | RuntimeException e) {
            problems.add("cannot read: " + e.getMessage());
        }
        return problems;
    }

    private static void csvProblems(Path file, ManifestEntry entry, List<String> problems) throws IOException {
        boolean bom;
        try (InputStream in = Files.newInputStream(file)) {
            bom = Arrays.equals(in.readNBytes(CsvFile.BOM.length), CsvFile.BOM);
        }
        if (bom != entry.utf8Bom()) {
            problems.add((bom ? "starts" : "does not start") + " with a UTF-8 byte order mark, manifest says "
                    + (entry.utf8Bom() ? "it does" : "it does not"));
        }
        long rows = 0;
        BigDecimal amount = BigDecimal.ZERO;
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(CsvFile.BOM.length);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = format.parse(reader)) {
                boolean hasAmount = parser.getHeaderNames().contains("amount");
                for (CSVRecord record : parser) {
                    rows++;
                    if (hasAmount) {
                        amount = amount.add(new BigDecimal(record.get("amount")));
                    }
                }
            }
        }
        if (entry.rows() == null || rows != entry.rows()) {
            problems.add(rows + " rows, manifest says " + entry.rows());
        }
        if (entry.amount() != null && amount.compareTo(entry.amount()) != 0) {
            problems.add("amounts add up to " + amount.toPlainString() + ", manifest says "
                    + entry.amount().toPlainString());
        }
    }
}
