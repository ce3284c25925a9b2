package io.flowbill.pricing;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** {@code flowbill price-book check FILE}: validates a price book and lists its versions. */
public final class PriceBookCheck {

    private PriceBookCheck() {
    }

    /**
     * Validates the book in {@code file}; prints its versions (name, effective-from in the book's zone,
     * hour-rounding) to {@code out} and returns 0, or prints the first problem to {@code err} and returns 1.
     */
    public static int run(Path file, PrintStream out, PrintStream err) {
        PriceBook book;
        try {
            book = PriceBookLoader.load(file);
        } catch (PriceBookException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("price book " + file + ": cannot read: " + e.getCause().getMessage());
            return 1;
        }
        out.printf("price book %s: currency %s, zone %s, %d version(s)%n", file,
                book.currency().getCurrencyCode(), book.zone().id(), book.versions().size());
        for (PriceVersion version : book.versions()) {
            out.printf("  %s  effective-from %s  hour-rounding %s%n", version.name(),
                    version.effectiveFrom().atZone(book.zone().id()).toOffsetDateTime(), version.hourRounding());
        }
        return 0;
    }
}
