package io.flowbill.pricing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A price plan: the price book plus the overrides negotiated with one tenant (negotiated unit prices, discounts
 * per item or on the whole bill, a monthly minimum commitment), versioned with effective dates like the book
 * (docs/billing-rules.md, "Price plans"). {@link #NONE} changes nothing.
 *
 * @param versions in order of taking effect, effective-from strictly increasing, names unique; none for no plan
 */
public record PricePlan(List<PlanVersion> versions) {

    /** No plan: the price book alone. */
    public static final PricePlan NONE = new PricePlan(List.of());

    public PricePlan {
        versions = List.copyOf(versions);
        Set<String> names = new HashSet<>();
        Instant previous = Instant.MIN;
        for (PlanVersion version : versions) {
            if (!names.add(version.name())) {
                throw new IllegalArgumentException("duplicate plan version name " + version.name());
            }
            if (!version.effectiveFrom().isAfter(previous)) {
                throw new IllegalArgumentException("plan version " + version.name()
                        + " must take effect after the version before it");
            }
            previous = version.effectiveFrom();
        }
    }

    /** The plan version in effect at an instant: the last one whose effective-from is not after it, if any. */
    public Optional<PlanVersion> versionAt(Instant instant) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(instant)) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }
}
