package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums one container's package usage of one day into {@link PackageDay}s, one per spec and price version: the
 * billable hours' seconds (by the hour rounding of the version in effect at each hour's start) and their outbound
 * MB. Hours that are not billable or not package count nothing (docs/billing-rules.md, "Package"). The hours come as
 * {@link UsageBlock}s (a block of n hours counts n times).
 */
public final class PackageDays {

    private static final Comparator<SpecVersion> ORDER = Comparator.comparingInt(SpecVersion::specId)
            .thenComparing(key -> key.version().effectiveFrom());

    private final PriceBook book;

    public PackageDays(PriceBook book) {
        this.book = book;
    }

    /**
     * The package days of one container's blocks of one day, by spec and then version; specs without a billable
     * package hour give nothing.
     *
     * @throws IllegalArgumentException when the blocks are of several containers or days, or a block spans a
     *                                  change of price version
     */
    public List<PackageDay> tally(Collection<UsageBlock> containerBlocks) {
        Map<SpecVersion, long[]> seconds = new TreeMap<>(ORDER);
        Map<SpecVersion, BigDecimal> outbound = new TreeMap<>(ORDER);
        UsageHour first = null;
        LocalDate date = null;
        for (UsageBlock block : containerBlocks) {
            UsageHour hour = block.first();
            if (first == null) {
                first = hour;
                date = book.zone().date(hour.windowStart());
            }
            if (!hour.sameContainer(first) || !book.zone().date(hour.windowStart()).equals(date)
                    || !book.zone().date(block.lastHour()).equals(date)) {
                throw new IllegalArgumentException("package days are tallied per container and day: container "
                        + hour.containerId() + " at " + hour.windowStart() + " is not container " + first.containerId()
                        + " on " + date);
            }
            if (hour.billable() && hour.chargeType() == ChargeType.PACKAGE) {
                PriceVersion version = book.versionAt(hour.windowStart());
                if (book.versionAt(block.lastHour()) != version) {
                    throw new IllegalArgumentException("the hours " + hour.windowStart() + " to " + block.lastHour()
                            + " of container " + hour.containerId() + " span a change of price version");
                }
                SpecVersion key = new SpecVersion(hour.specId(), version);
                seconds.computeIfAbsent(key, k -> new long[1])[0] +=
                        version.hourRounding().billableSeconds(hour.activeSeconds()) * block.hours();
                outbound.merge(key, hour.upMb() == null ? BigDecimal.ZERO : hour.upMb(), BigDecimal::add);
            }
        }
        List<PackageDay> days = new ArrayList<>();
        for (Map.Entry<SpecVersion, long[]> entry : seconds.entrySet()) {
            SpecVersion key = entry.getKey();
            days.add(new PackageDay(first.tenant(), date, first.containerId(), key.specId(), key.version().name(),
                    entry.getValue()[0], outbound.get(key)));
        }
        return days;
    }

    private record SpecVersion(int specId, PriceVersion version) {
    }
}
