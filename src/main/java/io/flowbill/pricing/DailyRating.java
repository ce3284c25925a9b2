package io.flowbill.pricing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns usage hours into daily charge lines, keyed by (tenant, day in the zone, container, item, tier,
 * charge_type, spec_id, price version). A line sums its hours' exact quantities and divides once, so a package
 * line is the day's package hours / the month's hours (the pricing issue, "Lines and rounding").
 */
public final class DailyRating {

    private final PriceBook book;
    private final HourRater hourRater;
    private final PackageDays packageDays;

    public DailyRating(PriceBook book) {
        this.book = book;
        this.hourRater = new HourRater(book);
        this.packageDays = new PackageDays(book);
    }

    /**
     * The charge lines of one container's usage hours (one day or several), in order of the hours; the same hour
     * given twice is refused.
     */
    public List<ChargeLine> rate(Collection<UsageHour> containerHours) {
        return rateBlocks(containerHours.stream().map(UsageBlock::of).toList());
    }

    /**
     * The charge lines of one container's usage blocks, in order of their first hours; two blocks starting at
     * the same hour are refused.
     */
    public List<ChargeLine> rateBlocks(Collection<UsageBlock> containerBlocks) {
        List<UsageBlock> blocks = new ArrayList<>(containerBlocks);
        blocks.sort(Comparator.comparing(block -> block.first().windowStart()));
        Map<LineKey, LinePart> lines = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            UsageBlock block = blocks.get(i);
            if (i > 0 && !block.sameContainer(blocks.get(0))) {
                throw new IllegalArgumentException("hours of more than one container: " + blocks.get(0).containerId()
                        + " and " + block.containerId());
            }
            if (i > 0 && block.first().windowStart().equals(blocks.get(i - 1).first().windowStart())) {
                throw new IllegalArgumentException("hour " + block.first().windowStart() + " of container "
                        + block.containerId() + " given twice");
            }
            for (LinePart part : hourRater.rate(block)) {
                lines.merge(part.key(), part, LinePart::plus);
            }
        }
        return lines.values().stream()
                .map(sum -> sum.key().toLine(Rounding.quantity(sum.numerator(), sum.denominator()), sum.unitPrice(),
                        book.currency()))
                .toList();
    }

    /**
     * Many containers' usage blocks of one day, rated one container at a time into its charge lines and package
     * days; the stream must be grouped by tenant and sorted by container id within a tenant, and a container (or
     * tenant) that comes back after another is refused. Memory holds one container's blocks and the tenants seen.
     */
    public Stream<RatedContainer> rateSortedByContainer(Stream<UsageBlock> blocks) {
        ContainerGroups groups = new ContainerGroups(blocks.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .map(group -> new RatedContainer(rateBlocks(group), packageDays.tally(group)))
                .onClose(blocks::close);
    }

    /** Consecutive blocks of one container at a time. */
    private static final class ContainerGroups implements Iterator<List<UsageBlock>> {

        private final Iterator<UsageBlock> hours;
        private final Set<String> tenantsSeen = new HashSet<>();
        private UsageBlock previous;
        private UsageBlock next;

        ContainerGroups(Iterator<UsageBlock> hours) {
            this.hours = hours;
            this.next = hours.hasNext() ? hours.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<UsageBlock> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            boolean sameTenant = previous != null && previous.tenant().equals(next.tenant());
            if (sameTenant ? next.containerId() <= previous.containerId() : !tenantsSeen.add(next.tenant())) {
                throw new IllegalArgumentException("usage hours not sorted by container: container "
                        + next.containerId() + " of tenant " + next.tenant() + " comes back after another");
            }
            previous = next;
            List<UsageBlock> group = new ArrayList<>();
            UsageBlock first = next;
            while (next != null && next.sameContainer(first)) {
                group.add(next);
                next = hours.hasNext() ? hours.next() : null;
            }
            return group;
        }
    }
}
