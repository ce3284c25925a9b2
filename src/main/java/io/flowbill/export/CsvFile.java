package io.flowbill.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one CSV file (RFC 4180: comma, double quotes where needed, CRLF; UTF-8; a header row) to a temporary
 * file beside the target and renames it over the target, so a reader sees the old file or the new one, never half.
 */
final class CsvFile {

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

    static Path write(Path target, List<String> header, Rows rows) {
        Path temp = null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            // beside the target (same file system, so the rename is atomic), named per process
            temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                rows.printTo(cells -> {
                    try {
                        printer.printRecord((Object[]) cells);
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("writing " + target + " failed: " + e.getMessage(),
                    e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        }
        catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        }
        catch (IOException ignored) {
            // the failure being reported matters more than a leftover temporary file
        }
    }
}
