package io.flowbill.pricing;

import java.time.Instant;
import java.time.LocalDate;
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
 * line is the day's package hours / the month's hours (docs/billing-rules.md, "Lines and rounding").
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
            List<LinePart> parts;
            try {
                parts = hourRater.rate(block);
            } catch (IllegalArgumentException e) {
                throw new UnrateableHour(block.firstHour(), e);
            }
            for (LinePart part : parts) {
                lines.merge(part.key(), part, LinePart::plus);
            }
        }
        return lines.values().stream()
                .map(sum -> sum.key().toLine(Rounding.quantity(sum.numerator(), sum.denominator()), sum.unitPrice(),
                        book.currency()))
                .toList();
    }

    /**
     * Many containers' usage rows of one day, rated one container at a time into its charge lines and package
     * days; the stream must be grouped by tenant and sorted by container id within a tenant, and a container (or
     * tenant) that comes back after another is refused. A container with a row that cannot be read or an hour
     * that cannot be priced becomes an {@link UnrateableDay} (no line, no package day) and the others are rated
     * (docs/billing-rules.md, "Unrateable days": one bad hour must not stop a day). Memory holds one container's rows and the tenants seen.
     */
    public Stream<RatedContainer> rateSortedByContainer(Stream<? extends UsageRow> rows) {
        ContainerGroups groups = new ContainerGroups(rows.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .map(this::rateContainer)
                .onClose(rows::close);
    }

    private RatedContainer rateContainer(List<UsageRow> group) {
        List<UsageBlock> blocks = new ArrayList<>();
        for (UsageRow row : group) {
            if (row instanceof UnreadableUsage unreadable) {
                return unrateable(row, unreadable.firstHour(), unreadable.reason());
            }
            blocks.add((UsageBlock) row);
        }
        try {
            return new RatedContainer(rateBlocks(blocks), packageDays.tally(blocks));
        } catch (UnrateableHour e) {
            return unrateable(group.get(0), e.hour, e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            return unrateable(group.get(0), group.get(0).firstHour(), e.getMessage());
        }
    }

    private RatedContainer unrateable(UsageRow row, Instant hour, String reason) {
        LocalDate date = book.zone().date(hour);
        return RatedContainer.unrateable(new UnrateableDay(row.tenant(), row.containerId(), date,
                book.zone().startOf(date), hour, "usage of container " + row.containerId() + " at " + hour
                        + " cannot be rated: " + reason));
    }

    /** An hour the rules refuse to price, with the hour it happened at. */
    private static final class UnrateableHour extends IllegalArgumentException {

        private final transient Instant hour;

        UnrateableHour(Instant hour, IllegalArgumentException cause) {
            super("hour " + hour + ": " + cause.getMessage(), cause);
            this.hour = hour;
        }
    }

    /** Consecutive rows of one container at a time. */
    private static final class ContainerGroups implements Iterator<List<UsageRow>> {

        private final Iterator<? extends UsageRow> rows;
        private final Set<String> tenantsSeen = new HashSet<>();
        private UsageRow previous;
        private UsageRow next;

        ContainerGroups(Iterator<? extends UsageRow> rows) {
            this.rows = rows;
            this.next = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<UsageRow> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            boolean sameTenant = previous != null && previous.tenant().equals(next.tenant());
            if (sameTenant ? next.containerId() <= previous.containerId() : !tenantsSeen.add(next.tenant())) {
                throw new IllegalArgumentException("usage hours not sorted by container: container "
                        + next.containerId() + " of tenant " + next.tenant() + " comes back after another");
            }
            previous = next;
            List<UsageRow> group = new ArrayList<>();
            UsageRow first = next;
            while (next != null && next.sameContainerAs(first)) {
                group.add(next);
                next = rows.hasNext() ? rows.next() : null;
            }
            return group;
        }
    }
}
