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

    public DailyRating(PriceBook book) {
        this.book = book;
        this.hourRater = new HourRater(book);
    }

    /**
     * The charge lines of one container's usage hours (one day or several), in order of the hours; the same hour
     * given twice is refused.
     */
    public List<ChargeLine> rate(Collection<UsageHour> containerHours) {
        List<UsageHour> hours = new ArrayList<>(containerHours);
        hours.sort(Comparator.comparing(UsageHour::windowStart));
        Map<LineKey, LinePart> lines = new LinkedHashMap<>();
        for (int i = 0; i < hours.size(); i++) {
            UsageHour hour = hours.get(i);
            if (i > 0 && !hour.sameContainer(hours.get(0))) {
                throw new IllegalArgumentException("hours of more than one container: " + hours.get(0).containerId()
                        + " and " + hour.containerId());
            }
            if (i > 0 && hour.windowStart().equals(hours.get(i - 1).windowStart())) {
                throw new IllegalArgumentException("hour " + hour.windowStart() + " of container "
                        + hour.containerId() + " given twice");
            }
            for (LinePart part : hourRater.rate(hour)) {
                lines.merge(part.key(), part, LinePart::plus);
            }
        }
        return lines.values().stream()
                .map(sum -> sum.key().toLine(Rounding.quantity(sum.numerator(), sum.denominator()), sum.unitPrice(),
                        book.currency()))
                .toList();
    }

    /**
     * The charge lines of many containers' hours, read one container at a time; the stream must be sorted
     * (grouped) by container, and a container that comes back after another is refused.
     */
    public Stream<ChargeLine> rateSortedByContainer(Stream<UsageHour> hours) {
        ContainerGroups groups = new ContainerGroups(hours.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .flatMap(group -> rate(group).stream())
                .onClose(hours::close);
    }

    /** Consecutive hours of one container at a time. */
    private static final class ContainerGroups implements Iterator<List<UsageHour>> {

        private final Iterator<UsageHour> hours;
        private final Set<String> seen = new HashSet<>();
        private UsageHour next;

        ContainerGroups(Iterator<UsageHour> hours) {
            this.hours = hours;
            this.next = hours.hasNext() ? hours.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<UsageHour> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            if (!seen.add(next.tenant() + "/" + next.containerId())) {
                throw new IllegalArgumentException("usage hours not sorted by container: container "
                        + next.containerId() + " of tenant " + next.tenant() + " comes back after another");
            }
            List<UsageHour> group = new ArrayList<>();
            UsageHour first = next;
            while (next != null && next.sameContainer(first)) {
                group.add(next);
                next = hours.hasNext() ? hours.next() : null;
            }
            return group;
        }
    }
}
