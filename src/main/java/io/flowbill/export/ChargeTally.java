package io.flowbill.export;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a charges or invoice file holds, counted from the very rows written to it, so that its manifest entry and
 * the day's report show the file's own figures: rows, the amount total (amounts added as printed, never
 * re-rounded), amounts by item and by charge type, containers by charge type and price versions.
 */
final class ChargeTally {

    private long rows;
    private BigDecimal amount = BigDecimal.ZERO;
    private final SortedMap<String, BigDecimal> byItem = new TreeMap<>();
    private final SortedMap<String, BigDecimal> byChargeType = new TreeMap<>();
    private final SortedMap<String, OrderedIdCount> containersByChargeType = new TreeMap<>();
    private final OrderedIdCount containers = new OrderedIdCount();
    private final SortedSet<String> priceVersions = new TreeSet<>();

    /**
     * Counts one row; {@code chargeType} is null for an invoice line, {@code priceVersion} for a line without one.
     * Rows with a charge type come ordered by container id ({@link OrderedIdCount}).
     */
    void add(long containerId, String item, String chargeType, BigDecimal lineAmount, String priceVersion) {
        rows++;
        amount = amount.add(lineAmount);
        byItem.merge(item, lineAmount, BigDecimal::add);
        if (chargeType != null) {
            byChargeType.merge(chargeType, lineAmount, BigDecimal::add);
            containersByChargeType.computeIfAbsent(chargeType, type -> new OrderedIdCount()).add(containerId);
            containers.add(containerId);
        }
        if (priceVersion != null) {
            priceVersions.add(priceVersion);
        }
    }

    long rows() {
        return rows;
    }

    BigDecimal amount() {
        return amount;
    }

    SortedMap<String, BigDecimal> byItem() {
        return Collections.unmodifiableSortedMap(byItem);
    }

    SortedMap<String, BigDecimal> byChargeType() {
        return Collections.unmodifiableSortedMap(byChargeType);
    }

    SortedMap<String, Long> containersByChargeType() {
        SortedMap<String, Long> counts = new TreeMap<>();
        containersByChargeType.forEach((type, ids) -> counts.put(type, ids.count()));
        return counts;
    }

    long containers() {
        return containers.count();
    }

    SortedSet<String> priceVersions() {
        return Collections.unmodifiableSortedSet(priceVersions);
    }
}
