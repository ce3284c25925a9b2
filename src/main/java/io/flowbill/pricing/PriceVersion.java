package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the price book, in effect from {@code effectiveFrom} until the next version's.
 *
 * @param name unique name, printed on every charge line
 * @param effectiveFrom the first instant this version prices
 * @param hourRounding how active seconds become billable hours
 * @param mbPerGb MB in one GB for traffic (1024 in the bundled book: docs/billing-rules.md, Two GBs)
 * @param specs prices by spec_id; all of {@link #REQUIRED_SPEC_IDS} present
 * @param bandwidthTiers graduated tiers, limits strictly increasing, only the last open
 * @param trafficOutPerGb price of one outbound GB for on-demand containers billed by traffic
 * @param trafficInPerGb price of one inbound GB (free in the bundled book)
 * @param packageOveragePerGb price of one outbound GB above a package's allowance
 * @param taxRate the tax rate of an invoice whose month ends under this version, a fraction from 0 to 1 (0.06 is
 *        China's 6 % VAT on cloud services; 0 when the book does not say: docs/billing-rules.md, "Tax")
 */
public record PriceVersion(String name, Instant effectiveFrom, HourRounding hourRounding, BigDecimal mbPerGb,
        SortedMap<Integer, SpecPrice> specs, List<BandwidthTier> bandwidthTiers, BigDecimal trafficOutPerGb,
        BigDecimal trafficInPerGb, BigDecimal packageOveragePerGb, BigDecimal taxRate) {

    /** The spec ids the container API documents (docs/container-api.md, spec_id): each version prices them all. */
    public static final List<Integer> REQUIRED_SPEC_IDS = List.of(1, 10, 20, 30, 40, 50);

    public PriceVersion {
        Require.nonBlank(name, "name");
        Objects.requireNonNull(effectiveFrom, "effective-from");
        Objects.requireNonNull(hourRounding, "hour-rounding");
        if (Objects.requireNonNull(mbPerGb, "mb-per-gb").signum() <= 0) {
            throw new IllegalArgumentException("mb-per-gb must be positive, was " + mbPerGb.toPlainString());
        }
        specs = Collections.unmodifiableSortedMap(new TreeMap<>(specs));
        for (Integer id : REQUIRED_SPEC_IDS) {
            if (!specs.containsKey(id)) {
                throw new IllegalArgumentException("missing spec " + id + " in version " + name);
            }
        }
        bandwidthTiers = List.copyOf(bandwidthTiers);
        requireGraduated(bandwidthTiers);
        Require.nonNegative(trafficOutPerGb, "traffic-out-per-gb");
        Require.nonNegative(trafficInPerGb, "traffic-in-per-gb");
        Require.nonNegative(packageOveragePerGb, "package-overage-per-gb");
        Require.nonNegative(taxRate, "tax-rate");
        if (taxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("tax-rate is a fraction (0.06 for 6 %), at most 1, was "
                    + taxRate.toPlainString());
        }
    }

    /** A version without tax (tax-rate 0). */
    public PriceVersion(String name, Instant effectiveFrom, HourRounding hourRounding, BigDecimal mbPerGb,
            SortedMap<Integer, SpecPrice> specs, List<BandwidthTier> bandwidthTiers, BigDecimal trafficOutPerGb,
            BigDecimal trafficInPerGb, BigDecimal packageOveragePerGb) {
        this(name, effectiveFrom, hourRounding, mbPerGb, specs, bandwidthTiers, trafficOutPerGb, trafficInPerGb,
                packageOveragePerGb, BigDecimal.ZERO);
    }

    /** The prices of a spec; a spec this version does not price is refused, never guessed. */
    public SpecPrice spec(int specId) {
        SpecPrice price = specs.get(specId);
        if (price == null) {
            throw new IllegalArgumentException("spec_id " + specId + " has no price in version " + name);
        }
        return price;
    }

    private static void requireGraduated(List<BandwidthTier> tiers) {
        if (tiers.isEmpty() || !tiers.get(tiers.size() - 1).open()) {
            throw new IllegalArgumentException("the last bandwidth tier must be open (no up-to-mbps)");
        }
        int previous = 0;
        for (BandwidthTier tier : tiers.subList(0, tiers.size() - 1)) {
            if (tier.open() || tier.upToMbps() <= previous) {
                throw new IllegalArgumentException("bandwidth tiers must have strictly increasing up-to-mbps,"
                        + " only the last open");
            }
            previous = tier.upToMbps();
        }
    }
}
