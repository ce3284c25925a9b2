package io.flowbill.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one CSV file (RFC 4180: comma, double quotes where needed, CRLF; UTF-8, with a byte order mark for Excel
 * when asked; a header row) atomically through {@link AtomicFile}.
 */
final class CsvFile {

    /** The UTF-8 byte order mark, which tells Excel the file is UTF-8 (without it, Excel guesses a code page). */
    static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** Takes one row's cells. */
    @FunctionalInterface
    interface Sink {
        void row(String... cells);
    }

    /** Prints a file's rows into a sink. */
    @FunctionalInterface
    interface Rows {
        void printTo(Sink sink);
    }

    private CsvFile() {
    }

    static AtomicFile.Written write(Path target, List<String> header, boolean bom, Rows rows) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        return AtomicFile.write(target, out -> {
            if (bom) {
                out.write(BOM);
            }
            // cells are short: buffering chars keeps the UTF-8 encoder from running once per cell and separator
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                rows.printTo(cells -> {
                    try {
                        printer.printRecord((Object[]) cells);
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
    }
}
