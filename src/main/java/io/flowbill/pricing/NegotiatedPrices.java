package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The unit prices a plan version negotiates in place of the price book's, per spec or per item; each is
 * {@code null} (or absent) where the book's price stands. They change the unit price of the charge lines
 * themselves, so every line stays amount = round(quantity x unit price) (docs/billing-rules.md, "Price plans").
 *
 * @param specs per spec_id, the negotiated on-demand and package prices
 * @param bandwidthTiers the graduated bandwidth tiers, replacing the book's as a whole, or {@code null}
 * @param trafficOutPerGb or {@code null}
 * @param trafficInPerGb or {@code null}
 * @param packageOveragePerGb or {@code null}
 */
public record NegotiatedPrices(Map<Integer, Spec> specs, List<BandwidthTier> bandwidthTiers,
        BigDecimal trafficOutPerGb, BigDecimal trafficInPerGb, BigDecimal packageOveragePerGb) {

    /** No negotiated price: the book's prices stand. */
    public static final NegotiatedPrices NONE = new NegotiatedPrices(Map.of(), null, null, null, null);

    public NegotiatedPrices {
        specs = Map.copyOf(specs);
        bandwidthTiers = bandwidthTiers == null ? null : List.copyOf(bandwidthTiers);
    }

    /**
     * The book's version with these prices in place of its own, under another name and effective-from (a spec or
     * key not negotiated keeps the book's price).
     *
     * @throws IllegalArgumentException when a negotiated spec is not priced by the book's version
     */
    PriceVersion applyTo(PriceVersion book, String name, Instant from) {
        SortedMap<Integer, SpecPrice> merged = new TreeMap<>(book.specs());
        specs.forEach((id, spec) -> {
            SpecPrice base = merged.get(id);
            if (base == null) {
                throw new IllegalArgumentException("spec " + id + " is not priced by price book version " + book.name());
            }
            merged.put(id, new SpecPrice(base.name(), or(spec.onDemandPerHour(), base.onDemandPerHour()),
                    or(spec.packagePerMonth(), base.packagePerMonth()), base.packageTrafficGb(),
                    base.maxTrafficGbPerHour()));
        });
        return new PriceVersion(name, from, book.hourRounding(), book.mbPerGb(), merged,
                or(bandwidthTiers, book.bandwidthTiers()), or(trafficOutPerGb, book.trafficOutPerGb()),
                or(trafficInPerGb, book.trafficInPerGb()), or(packageOveragePerGb, book.packageOveragePerGb()));
    }

    private static <T> T or(T negotiated, T book) {
        return negotiated == null ? book : negotiated;
    }

    /**
     * The negotiated prices of one spec; {@code null} where the book's price stands.
     *
     * @param onDemandPerHour or {@code null}
     * @param packagePerMonth or {@code null}
     */
    public record Spec(BigDecimal onDemandPerHour, BigDecimal packagePerMonth) {

        public Spec {
            if (onDemandPerHour == null && packagePerMonth == null) {
                throw new IllegalArgumentException("a negotiated spec needs on-demand-per-hour or package-per-month");
            }
        }
    }
}
