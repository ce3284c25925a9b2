package io.flowbill.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.flowbill.pricing.Rounding;

/**
 * Cross-checks an {@code invoice-<YYYY-MM>.csv} within itself and against its manifest, as {@code export --verify}
 * does beside the checksums: the lines (every row but the {@code tax} line) add up to the subtotal the tax line
 * carries as its quantity; the tax is round(subtotal x tax rate) ({@link Rounding#tax}); and subtotal + tax is the
 * total the manifest gives the invoice's HTML and PDF documents of the same month.
 */
final class InvoiceCsvCheck {

    private InvoiceCsvCheck() {
    }

    /** What does not add up; empty when everything does. */
    static List<String> problems(Path file, ManifestEntry entry, Manifest manifest) {
        List<String> problems = new ArrayList<>();
        BigDecimal lines = BigDecimal.ZERO;
        List<CSVRecord> taxLines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(CsvFile.BOM.length);
            InputStream rest = Arrays.equals(start, CsvFile.BOM) ? in
                    : new SequenceInputStream(new ByteArrayInputStream(start), in);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = format.parse(new InputStreamReader(rest, StandardCharsets.UTF_8))) {
                for (CSVRecord record : parser) {
                    if (InvoiceExport.TAX_ITEM.equals(record.get("item")) && record.get("container_id").isEmpty()) {
                        taxLines.add(record);
                    }
                    else {
                        lines = lines.add(new BigDecimal(record.get("amount")));
                    }
                }
            }
        }
        catch (IOException | RuntimeException e) {
            problems.add("cannot add up its lines: " + e.getMessage());
            return problems;
        }
        if (taxLines.size() != 1) {
            problems.add(taxLines.size() + " tax lines, an invoice has one");
            return problems;
        }
        CSVRecord tax = taxLines.get(0);
        BigDecimal subtotal = new BigDecimal(tax.get("quantity"));
        BigDecimal rate = new BigDecimal(tax.get("unit_price"));
        BigDecimal taxAmount = new BigDecimal(tax.get("amount"));
        if (lines.compareTo(subtotal) != 0) {
            problems.add("its lines add up to " + lines.toPlainString() + ", its tax line says the subtotal is "
                    + subtotal.toPlainString());
        }
        BigDecimal expectedTax = Rounding.tax(subtotal, rate, Currency.getInstance(tax.get("currency")));
        if (expectedTax.compareTo(taxAmount) != 0) {
            problems.add("tax " + taxAmount.toPlainString() + " is not round(subtotal " + subtotal.toPlainString()
                    + " x rate " + rate.toPlainString() + ") = " + expectedTax.toPlainString());
        }
        BigDecimal total = subtotal.add(taxAmount);
        for (ManifestEntry document : manifest.files().values()) {
            if (document.kind().equals(entry.kind()) && document.period().equals(entry.period()) && !document.isCsv()
                    && document.amount() != null && document.amount().compareTo(total) != 0) {
                problems.add("subtotal " + subtotal.toPlainString() + " + tax " + taxAmount.toPlainString() + " = "
                        + total.toPlainString() + ", but the manifest gives " + document.name() + " the total "
                        + document.amount().toPlainString());
            }
        }
        return problems;
    }
}
