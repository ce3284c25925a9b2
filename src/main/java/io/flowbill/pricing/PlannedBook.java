package io.flowbill.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The price book as a plan prices it: a version starts wherever a book version or a plan version starts, and
 * each is the book's version in effect with the plan version's negotiated prices in place, named
 * {@code <book version>+<plan version>}. So each usage hour is priced by the book and plan versions in effect at
 * the hour's start, and a plan change inside a day splits the day's lines like a book change
 * (docs/billing-rules.md, "Price plans"). Before the plan's first version, and without a plan, the book's versions stand as they are.
 *
 * @param book the book that rates usage (the configured book itself when there is no plan)
 * @param plan the plan, possibly {@link PricePlan#NONE}
 * @param planOfVersion the plan version behind each of {@code book}'s version names that has one
 */
public record PlannedBook(PriceBook book, PricePlan plan, Map<String, PlanVersion> planOfVersion) {

    public PlannedBook {
        planOfVersion = Map.copyOf(planOfVersion);
    }

    /**
     * The book with the plan applied.
     *
     * @throws IllegalArgumentException when a negotiated price cannot apply to a book version (a spec it lacks)
     */
    public static PlannedBook of(PriceBook book, PricePlan plan) {
        if (plan.versions().isEmpty()) {
            return new PlannedBook(book, plan, Map.of());
        }
        Instant first = book.versions().get(0).effectiveFrom();
        TreeSet<Instant> starts = new TreeSet<>();
        book.versions().forEach(version -> starts.add(version.effectiveFrom()));
        plan.versions().forEach(version -> starts.add(version.effectiveFrom().isBefore(first) ? first
                : version.effectiveFrom()));
        List<PriceVersion> versions = new ArrayList<>();
        Map<String, PlanVersion> planOf = new HashMap<>();
        for (Instant start : starts) {
            PriceVersion bookVersion = book.versionAt(start);
            Optional<PlanVersion> planVersion = plan.versionAt(start);
            if (planVersion.isEmpty()) {
                versions.add(bookVersion);
                continue;
            }
            String name = bookVersion.name() + "+" + planVersion.get().name();
            versions.add(planVersion.get().prices().applyTo(bookVersion, name, start));
            planOf.put(name, planVersion.get());
        }
        return new PlannedBook(new PriceBook(book.currency(), book.zone(), versions), plan, planOf);
    }

    /** The plan version behind a version name of {@link #book()}, if it has one. */
    public Optional<PlanVersion> planOf(String priceVersion) {
        return Optional.ofNullable(planOfVersion.get(priceVersion));
    }
}
