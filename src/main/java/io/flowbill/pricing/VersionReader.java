package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one price version. Keys omitted in a later version are taken from the previous version: specs merge
 * by spec id and then by key, the bandwidth tiers are replaced as a whole list. The first version is complete.
 */
final class VersionReader {

    private static final Set<String> KEYS = Set.of("name", "effective-from", "hour-rounding", "mb-per-gb", "specs",
            "bandwidth-per-mbps-hour", "traffic-out-per-gb", "traffic-in-per-gb", "package-overage-per-gb", "tax-rate");
    private static final Set<String> SPEC_KEYS = Set.of("name", "on-demand-per-hour", "package-per-month",
            "package-traffic-gb", "max-traffic-gb-per-hour");
    private static final Set<String> TIER_KEYS = Set.of("up-to-mbps", "price");

    private final YamlMap map;
    private final PriceVersion previous;

    private VersionReader(YamlMap map, PriceVersion previous) {
        this.map = map;
        this.previous = previous;
    }

    /** Reads a version whose errors name it by its {@code name} key, or as {@code #n} when that is unusable. */
    static PriceVersion read(YamlMap map, List<PriceVersion> earlier) {
        map.rejectUnknownKeys(KEYS);
        String name = map.text("name");
        for (PriceVersion other : earlier) {
            if (other.name().equals(name)) {
                YamlMap numbered = map.inVersion("#" + (earlier.size() + 1));
                throw numbered.error(map.value("name"), "name", "duplicate version name '" + name + "'");
            }
        }
        Instant from = map.instant("effective-from");
        PriceVersion previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        for (PriceVersion other : earlier) {
            if (other.effectiveFrom().equals(from)) {
                throw map.error(map.value("effective-from"), "effective-from",
                        "duplicate effective-from, the same as version '" + other.name() + "'");
            }
        }
        if (previous != null && from.isBefore(previous.effectiveFrom())) {
            throw map.error(map.value("effective-from"), "effective-from",
                    "must be after the effective-from of the version before it, '" + previous.name() + "'");
        }
        return new VersionReader(map, previous).read(name, from);
    }

    private PriceVersion read(String name, Instant from) {
        HourRounding rounding = valueOf("hour-rounding", key -> map.enumValue(key, HourRounding.class),
                PriceVersion::hourRounding);
        BigDecimal mbPerGb = valueOf("mb-per-gb", map::decimal, PriceVersion::mbPerGb);
        if (mbPerGb.signum() <= 0) {
            throw map.error(map.value("mb-per-gb"), "mb-per-gb", "must be positive, was " + mbPerGb.toPlainString());
        }
        try {
            return new PriceVersion(name, from, rounding, mbPerGb, specs(),
                    valueOf("bandwidth-per-mbps-hour", key -> tiers(map), PriceVersion::bandwidthTiers),
                    valueOf("traffic-out-per-gb", map::price, PriceVersion::trafficOutPerGb),
                    valueOf("traffic-in-per-gb", map::price, PriceVersion::trafficInPerGb),
                    valueOf("package-overage-per-gb", map::price, PriceVersion::packageOveragePerGb),
                    taxRate());
        } catch (IllegalArgumentException e) {
            throw map.error(map.value("name"), null, e.getMessage());
        }
    }

    /** {@code tax-rate}: inherited like the other keys, 0 when no version says. */
    private BigDecimal taxRate() {
        if (!map.has("tax-rate") && previous == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal rate = valueOf("tax-rate", map::price, PriceVersion::taxRate);
        if (rate.compareTo(BigDecimal.ONE) > 0) {
            throw map.error(map.value("tax-rate"), "tax-rate", "a tax rate is a fraction, at most 1 (write 0.06 for"
                    + " 6 %), was " + rate.toPlainString());
        }
        return rate;
    }

    private <T> T valueOf(String key, Function<String, T> reader, Function<PriceVersion, T> inherited) {
        if (map.has(key) || previous == null) {
            return reader.apply(key);
        }
        return inherited.apply(previous);
    }

    private SortedMap<Integer, SpecPrice> specs() {
        SortedMap<Integer, SpecPrice> specs = new TreeMap<>(previous == null ? new TreeMap<>() : previous.specs());
        if (previous == null || map.has("specs")) {
            YamlMap specsMap = map.map("specs");
            for (String id : specsMap.keys()) {
                int specId = specsMap.positiveInt(specsMap.keyNode(id), specsMap.keyPath(id), id);
                specs.put(specId, spec(specsMap.map(specsMap.value(id), id), specs.get(specId)));
            }
            for (Integer required : PriceVersion.REQUIRED_SPEC_IDS) {
                if (!specs.containsKey(required)) {
                    throw map.error(map.value("specs"), "specs." + required, "missing spec " + required
                            + "; every version prices all of " + PriceVersion.REQUIRED_SPEC_IDS);
                }
            }
        }
        return specs;
    }

    private static SpecPrice spec(YamlMap spec, SpecPrice inherited) {
        spec.rejectUnknownKeys(SPEC_KEYS);
        return new SpecPrice(
                spec.has("name") || inherited == null ? spec.text("name") : inherited.name(),
                spec.has("on-demand-per-hour") || inherited == null ? spec.price("on-demand-per-hour")
                        : inherited.onDemandPerHour(),
                spec.has("package-per-month") || inherited == null ? spec.price("package-per-month")
                        : inherited.packagePerMonth(),
                spec.has("package-traffic-gb") || inherited == null ? spec.price("package-traffic-gb")
                        : inherited.packageTrafficGb(),
                maxTrafficGbPerHour(spec, inherited));
    }

    /**
     * {@code max-traffic-gb-per-hour}: optional, inherited like the other keys of a spec, else
     * {@link SpecPrice#DEFAULT_MAX_TRAFFIC_GB_PER_HOUR}; a bound of 0 would make all traffic implausible.
     */
    private static BigDecimal maxTrafficGbPerHour(YamlMap spec, SpecPrice inherited) {
        String key = "max-traffic-gb-per-hour";
        if (!spec.has(key)) {
            return inherited == null ? SpecPrice.DEFAULT_MAX_TRAFFIC_GB_PER_HOUR : inherited.maxTrafficGbPerHour();
        }
        BigDecimal max = spec.decimal(key);
        if (max.signum() <= 0) {
            throw spec.error(spec.value(key), spec.keyPath(key), "must be positive (GB one container of the spec may"
                    + " move in an hour, per direction), was " + max.toPlainString());
        }
        return max;
    }

    /** The graduated tiers under {@code bandwidth-per-mbps-hour} of a version (or of a plan's negotiated prices). */
    static List<BandwidthTier> tiers(YamlMap map) {
        List<Node> nodes = map.sequence("bandwidth-per-mbps-hour");
        List<BandwidthTier> tiers = new ArrayList<>();
        int previousLimit = 0;
        for (int i = 0; i < nodes.size(); i++) {
            YamlMap tier = map.map(nodes.get(i), "bandwidth-per-mbps-hour[" + (i + 1) + "]");
            tier.rejectUnknownKeys(TIER_KEYS);
            boolean last = i == nodes.size() - 1;
            Integer upTo = null;
            if (tier.has("up-to-mbps")) {
                upTo = tier.positiveInt("up-to-mbps");
                if (last) {
                    throw tier.error(tier.value("up-to-mbps"), tier.keyPath("up-to-mbps"),
                            "the last tier must be open: remove its up-to-mbps");
                }
                if (upTo <= previousLimit) {
                    throw tier.error(tier.value("up-to-mbps"), tier.keyPath("up-to-mbps"),
                            "must be greater than the tier before it, " + previousLimit);
                }
                previousLimit = upTo;
            } else if (!last) {
                throw tier.error(nodes.get(i), tier.keyPath("up-to-mbps"), "only the last tier may be open");
            }
            tiers.add(new BandwidthTier(upTo, tier.price("price")));
        }
        return tiers;
    }
}
