package io.flowbill.pricing;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a price plan written in YAML against the price book it applies to; the whole plan is
 * refused on the first problem with a {@link PriceBookException} naming the file, line, plan version and key
 * ({@code price plan acme.yaml: line 9, version 'acme-1', key 'item-discount-percent.cpu': ...}). The format is
 * in docs/billing-rules.md ("Price plans").
 */
public final class PricePlanLoader {

    static final String WHAT = "price plan";

    private static final Set<String> KEYS = Set.of("versions");
    private static final Set<String> VERSION_KEYS = Set.of("name", "effective-from", "prices",
            "item-discount-percent", "bill-discount-percent", "commitment-per-month");
    private static final Set<String> PRICE_KEYS = Set.of("specs", "bandwidth-per-mbps-hour", "traffic-out-per-gb",
            "traffic-in-per-gb", "package-overage-per-gb");
    private static final Set<String> SPEC_KEYS = Set.of("on-demand-per-hour", "package-per-month");

    private PricePlanLoader() {
    }

    /** Loads from {@code classpath:...}, {@code file:...} or a plain file path, for the given book. */
    public static PricePlan load(String location, PriceBook book) {
        return PriceBookLoader.read(location, WHAT, (reader, source) -> parse(reader, source, book));
    }

    public static PricePlan load(Path file, PriceBook book) {
        return PriceBookLoader.read(file, WHAT, (reader, source) -> parse(reader, source, book));
    }

    /** Parses a plan from YAML text; {@code source} names it in errors. */
    public static PricePlan parse(String yaml, String source, PriceBook book) {
        return parse(new StringReader(yaml), source, book);
    }

    static PricePlan parse(Reader reader, String source, PriceBook book) {
        YamlMap plan = new YamlMap(WHAT, source, null, "", PriceBookLoader.compose(reader, source, WHAT));
        plan.rejectUnknownKeys(KEYS);
        List<Node> nodes = plan.sequence("versions");
        Map<String, PlanVersion> byName = new HashMap<>();
        PlanVersion previous = null;
        List<PlanVersion> versions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String label = YamlMap.scalarUnder(nodes.get(i), "name").orElse("#" + (i + 1));
            YamlMap map = new YamlMap(WHAT, source, label, "", nodes.get(i));
            PlanVersion version = version(map, previous, byName);
            versions.add(version);
            byName.put(version.name(), version);
            previous = version;
        }
        for (int i = 0; i < versions.size(); i++) {
            Instant until = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom() : Instant.MAX;
            requireSpecsPriced(new YamlMap(WHAT, source, versions.get(i).name(), "", nodes.get(i)), versions.get(i),
                    until, book);
        }
        return new PricePlan(versions);
    }

    private static PlanVersion version(YamlMap map, PlanVersion previous, Map<String, PlanVersion> earlier) {
        map.rejectUnknownKeys(VERSION_KEYS);
        String name = map.text("name");
        if (earlier.containsKey(name)) {
            throw map.error(map.value("name"), "name", "duplicate version name '" + name + "'");
        }
        if (name.contains("+")) {
            throw map.error(map.value("name"), "name", "must not contain '+' (it joins the book's and the plan's"
                    + " version names on charge lines)");
        }
        Instant from = map.instant("effective-from");
        if (previous != null && !from.isAfter(previous.effectiveFrom())) {
            throw map.error(map.value("effective-from"), "effective-from",
                    "must be after the effective-from of the version before it, '" + previous.name() + "'");
        }
        try {
            return new PlanVersion(name, from, map.has("prices") ? prices(map.map("prices")) : NegotiatedPrices.NONE,
                    itemDiscounts(map), map.has("bill-discount-percent") ? percent(map, "bill-discount-percent")
                            : BigDecimal.ZERO,
                    map.has("commitment-per-month") ? map.price("commitment-per-month") : BigDecimal.ZERO);
        } catch (IllegalArgumentException e) {
            throw map.error(map.value("name"), null, e.getMessage());
        }
    }

    private static NegotiatedPrices prices(YamlMap prices) {
        prices.rejectUnknownKeys(PRICE_KEYS);
        Map<Integer, NegotiatedPrices.Spec> specs = new HashMap<>();
        if (prices.has("specs")) {
            YamlMap specsMap = prices.map("specs");
            for (String id : specsMap.keys()) {
                int specId = specsMap.positiveInt(specsMap.keyNode(id), specsMap.keyPath(id), id);
                YamlMap spec = specsMap.map(specsMap.value(id), id);
                spec.rejectUnknownKeys(SPEC_KEYS);
                if (!spec.has("on-demand-per-hour") && !spec.has("package-per-month")) {
                    throw spec.error(specsMap.value(id), specsMap.keyPath(id), "give on-demand-per-hour or"
                            + " package-per-month, or remove the spec");
                }
                specs.put(specId, new NegotiatedPrices.Spec(
                        spec.has("on-demand-per-hour") ? spec.price("on-demand-per-hour") : null,
                        spec.has("package-per-month") ? spec.price("package-per-month") : null));
            }
        }
        return new NegotiatedPrices(specs,
                prices.has("bandwidth-per-mbps-hour") ? VersionReader.tiers(prices) : null,
                prices.has("traffic-out-per-gb") ? prices.price("traffic-out-per-gb") : null,
                prices.has("traffic-in-per-gb") ? prices.price("traffic-in-per-gb") : null,
                prices.has("package-overage-per-gb") ? prices.price("package-overage-per-gb") : null);
    }

    private static Map<ChargeItem, BigDecimal> itemDiscounts(YamlMap version) {
        Map<ChargeItem, BigDecimal> discounts = new EnumMap<>(ChargeItem.class);
        if (version.has("item-discount-percent")) {
            YamlMap items = version.map("item-discount-percent");
            for (String code : items.keys()) {
                ChargeItem item = Arrays.stream(ChargeItem.values()).filter(i -> i.code().equals(code))
                        .findFirst().orElseThrow(() -> items.error(items.keyNode(code), items.keyPath(code),
                                "not an item; items are " + Arrays.stream(ChargeItem.values())
                                        .map(ChargeItem::code).toList()));
                BigDecimal percent = percent(items, code);
                if (percent.signum() == 0) {
                    throw items.error(items.value(code), items.keyPath(code), "must be above 0 up to 100: remove"
                            + " the item to give no discount");
                }
                discounts.put(item, percent);
            }
        }
        return discounts;
    }

    private static BigDecimal percent(YamlMap map, String key) {
        BigDecimal percent = map.price(key);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw map.error(map.value(key), map.keyPath(key), "a percentage from 0 up to 100, was "
                    + percent.toPlainString());
        }
        return percent;
    }

    /** Every spec a plan version negotiates must be priced by each book version it overlaps. */
    private static void requireSpecsPriced(YamlMap map, PlanVersion version, Instant until, PriceBook book) {
        List<PriceVersion> books = book.versions();
        for (int i = 0; i < books.size(); i++) {
            Instant bookUntil = i + 1 < books.size() ? books.get(i + 1).effectiveFrom() : Instant.MAX;
            boolean overlaps = books.get(i).effectiveFrom().isBefore(until)
                    && bookUntil.isAfter(version.effectiveFrom());
            for (Integer specId : version.prices().specs().keySet()) {
                if (overlaps && !books.get(i).specs().containsKey(specId)) {
                    YamlMap specs = map.map("prices").map("specs");
                    String key = specs.keys().stream().filter(k -> k.trim().equals(specId.toString())
                            || k.trim().replaceFirst("^0+", "").equals(specId.toString())).findFirst().orElseThrow();
                    throw specs.error(specs.keyNode(key), specs.keyPath(key), "spec " + specId + " is not priced by"
                            + " price book version '" + books.get(i).name() + "': negotiate prices only for specs"
                            + " the book prices");
                }
            }
        }
    }
}
