package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sums package usage hours into the {@link PackageMonth}s that {@link PackageOverage} rates: per tenant, container,
 * spec and calendar month in the zone, the billable hours h (by the hour rounding of the version in effect at each
 * hour's start) and the outbound MB of those hours. Hours that are not billable or not package count nothing, and
 * an hour whose traffic is an exception adds no MB (the pricing issue, "Package"). The hours come as
 * {@link UsageBlock}s (a block of n hours counts n times).
 */
public final class PackageMonths {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(HourRounding.SECONDS_PER_HOUR);

    private final PriceBook book;

    public PackageMonths(PriceBook book) {
        this.book = book;
    }

    /**
     * The package months of many containers' hours, read one group at a time; the stream must be sorted (grouped)
     * by tenant, container and spec, and a group that comes back after another is refused. Groups without a
     * billable package hour give nothing.
     */
    public Stream<PackageMonth> tallySorted(Stream<UsageBlock> hours) {
        Groups groups = new Groups(hours.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .filter(month -> month.packageHours().signum() > 0)
                .onClose(hours::close);
    }

    private record Key(String tenant, long containerId, int specId, YearMonth month) {
    }

    /** Consecutive hours of one key, summed. */
    private final class Groups implements Iterator<PackageMonth> {

        private final Iterator<UsageBlock> hours;
        private final Set<Key> seen = new HashSet<>();
        private UsageBlock next;

        Groups(Iterator<UsageBlock> hours) {
            this.hours = hours;
            this.next = hours.hasNext() ? hours.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public PackageMonth next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Key key = keyOf(next);
            if (!seen.add(key)) {
                throw new IllegalArgumentException("usage hours not sorted by tenant, container and spec: container "
                        + key.containerId() + " spec " + key.specId() + " of tenant " + key.tenant()
                        + " comes back after another");
            }
            long seconds = 0;
            BigDecimal outboundMb = BigDecimal.ZERO;
            while (next != null && keyOf(next).equals(key)) {
                UsageHour hour = next.first();
                if (hour.billable() && hour.chargeType() == ChargeType.PACKAGE) {
                    HourRounding rounding = book.versionAt(hour.windowStart()).hourRounding();
                    if (book.versionAt(next.lastHour()).hourRounding() != rounding
                            || !book.zone().month(next.lastHour()).equals(key.month())) {
                        throw new IllegalArgumentException("the hours " + hour.windowStart() + " to "
                                + next.lastHour() + " of container " + hour.containerId()
                                + " span a change of hour rounding or a month and cannot be tallied as one");
                    }
                    seconds += rounding.billableSeconds(hour.activeSeconds()) * next.hours();
                    if (hour.upMb() != null) {
                        outboundMb = outboundMb.add(hour.upMb());
                    }
                }
                next = hours.hasNext() ? hours.next() : null;
            }
            return new PackageMonth(key.tenant(), key.containerId(), key.specId(), key.month(),
                    Rounding.quantity(BigDecimal.valueOf(seconds), SECONDS_PER_HOUR), outboundMb);
        }

        private Key keyOf(UsageBlock block) {
            UsageHour hour = block.first();
            return new Key(hour.tenant(), hour.containerId(), hour.specId(), book.zone().month(hour.windowStart()));
        }
    }
}
