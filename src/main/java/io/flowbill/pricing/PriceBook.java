package io.flowbill.pricing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The versioned price book: one currency, one billing zone, and price versions in order of taking effect.
 *
 * @param currency the currency of every price and amount
 * @param zone the zone that turns instants into billing days and months
 * @param versions at least one; effective-from strictly increasing, names unique
 */
public record PriceBook(Currency currency, BillingZone zone, List<PriceVersion> versions) {

    public PriceBook {
        Rounding.amountScale(Objects.requireNonNull(currency, "currency"));
        Objects.requireNonNull(zone, "zone");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a price book needs at least one version");
        }
        Set<String> names = new HashSet<>();
        Instant previous = Instant.MIN;
        for (PriceVersion version : versions) {
            if (!names.add(version.name())) {
                throw new IllegalArgumentException("duplicate version name " + version.name());
            }
            if (!version.effectiveFrom().isAfter(previous)) {
                throw new IllegalArgumentException("version " + version.name()
                        + " must take effect after the version before it");
            }
            previous = version.effectiveFrom();
        }
    }

    /**
     * The instants strictly between {@code from} and {@code to} at which a version takes effect, in order: the
     * hours of [from, to) rate by one version between consecutive ones.
     */
    public List<Instant> changesWithin(Instant from, Instant to) {
        return versions.stream().map(PriceVersion::effectiveFrom)
                .filter(start -> start.isAfter(from) && start.isBefore(to)).toList();
    }

    /**
     * The version of this name, as stored on lines and package days.
     *
     * @throws IllegalArgumentException when the book has no such version
     */
    public PriceVersion version(String name) {
        return versions.stream().filter(version -> version.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the price book has no version '" + name
                        + "': rate the days it priced again with the current book"));
    }

    /**
     * The version whose tax rate an invoice of the month uses: the one in effect at the month's last second in the
     * billing zone, when the invoice is issued (docs/billing-rules.md, "Tax": one rate per invoice).
     *
     * @throws IllegalArgumentException when the month ends before the first version
     */
    public PriceVersion taxVersionOf(YearMonth month) {
        return versionAt(zone.lastSecondOf(month));
    }

    /**
     * The version in effect at an instant: the last one whose effective-from is not after it (docs/billing-rules.md,
     * "Which price version": each usage hour is priced by the version in effect at the hour's start).
     *
     * @throws IllegalArgumentException when the instant is before the first version
     */
    public PriceVersion versionAt(Instant instant) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(instant)) {
                return versions.get(i);
            }
        }
        PriceVersion first = versions.get(0);
        throw new IllegalArgumentException("no price version is in effect at " + instant + ": the first, '"
                + first.name() + "', takes effect at " + first.effectiveFrom().atZone(zone.id()).toOffsetDateTime());
    }
}
