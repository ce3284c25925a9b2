package io.flowbill.pricing;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** {@code flowbill price-book check FILE [--plan PLAN]}: validates a price book (and a plan for it) and lists versions. */
public final class PriceBookCheck {

    private PriceBookCheck() {
    }

    /**
     * Validates the book in {@code file}; prints its versions (name, effective-from in the book's zone,
     * hour-rounding) to {@code out} and returns 0, or prints the first problem to {@code err} and returns 1.
     */
    public static int run(Path file, PrintStream out, PrintStream err) {
        return run(file, null, out, err);
    }

    /**
     * Validates the book in {@code file} and, when {@code planFile} is not null, the plan in it against the book;
     * prints the versions of both and returns 0, or prints the first problem to {@code err} and returns 1.
     */
    public static int run(Path file, Path planFile, PrintStream out, PrintStream err) {
        PriceBook book;
        PricePlan plan;
        try {
            book = PriceBookLoader.load(file);
        } catch (PriceBookException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("price book " + file + ": cannot read: " + e.getCause().getMessage());
            return 1;
        }
        try {
            plan = planFile == null ? PricePlan.NONE : PricePlanLoader.load(planFile, book);
            PlannedBook.of(book, plan);
        } catch (PriceBookException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("price plan " + planFile + ": cannot read: " + e.getCause().getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("price plan " + planFile + ": " + e.getMessage());
            return 1;
        }
        out.printf("price book %s: currency %s, zone %s, %d version(s)%n", file,
                book.currency().getCurrencyCode(), book.zone().id(), book.versions().size());
        for (PriceVersion version : book.versions()) {
            out.printf("  %s  effective-from %s  hour-rounding %s%n", version.name(),
                    version.effectiveFrom().atZone(book.zone().id()).toOffsetDateTime(), version.hourRounding());
        }
        if (planFile != null) {
            out.printf("price plan %s: %d version(s)%n", planFile, plan.versions().size());
            for (PlanVersion version : plan.versions()) {
                out.printf("  %s  effective-from %s  item-discount-percent %s  bill-discount-percent %s"
                        + "  commitment-per-month %s%n", version.name(),
                        version.effectiveFrom().atZone(book.zone().id()).toOffsetDateTime(),
                        version.itemDiscountPercent().entrySet().stream()
                                .map(e -> e.getKey().code() + "=" + e.getValue().toPlainString()).toList(),
                        version.billDiscountPercent().toPlainString(), version.commitmentPerMonth().toPlainString());
            }
        }
        return 0;
    }
}
