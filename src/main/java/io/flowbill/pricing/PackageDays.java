package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums one container's package usage of one day into {@link PackageDay}s, one per spec: the billable hours' seconds
 * (by the hour rounding of the version in effect at each hour's start) and their outbound MB. Hours that are not
 * billable or not package count nothing (the pricing issue, "Package"). The hours come as {@link UsageBlock}s (a
 * block of n hours counts n times).
 */
public final class PackageDays {

    private final PriceBook book;

    public PackageDays(PriceBook book) {
        this.book = book;
    }

    /**
     * The package days of one container's blocks of one day, in spec order; specs without a billable package
     * hour give nothing.
     *
     * @throws IllegalArgumentException when the blocks are of several containers or days, or a block spans a
     *                                  change of hour rounding
     */
    public List<PackageDay> tally(Collection<UsageBlock> containerBlocks) {
        Map<Integer, long[]> seconds = new TreeMap<>();
        Map<Integer, BigDecimal> outbound = new TreeMap<>();
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
                HourRounding rounding = book.versionAt(hour.windowStart()).hourRounding();
                if (book.versionAt(block.lastHour()).hourRounding() != rounding) {
                    throw new IllegalArgumentException("the hours " + hour.windowStart() + " to " + block.lastHour()
                            + " of container " + hour.containerId() + " span a change of hour rounding");
                }
                seconds.computeIfAbsent(hour.specId(), spec -> new long[1])[0] +=
                        rounding.billableSeconds(hour.activeSeconds()) * block.hours();
                outbound.merge(hour.specId(), hour.upMb() == null ? BigDecimal.ZERO : hour.upMb(), BigDecimal::add);
            }
        }
        List<PackageDay> days = new ArrayList<>();
        for (Map.Entry<Integer, long[]> spec : seconds.entrySet()) {
            days.add(new PackageDay(first.tenant(), date, first.containerId(), spec.getKey(), spec.getValue()[0],
                    outbound.get(spec.getKey())));
        }
        return days;
    }
}
