package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.flowbill.pricing.ChargeLine;
import io.flowbill.pricing.DailyRating;
import io.flowbill.pricing.UsageHour;

/**
 * {@code chargeLineReader}: streams one day's usage hours (sorted by tenant, container and window, from
 * {@code usageHourReader}, a database cursor) through {@link DailyRating#rateSortedByContainer} and hands out the
 * resulting charge lines one at a time. Memory holds one container's hours, never the day. Its saved state is the
 * count of lines handed out: a restart rates the day again and skips that many.
 */
class ChargeLineReader extends AbstractItemCountingItemStreamItemReader<ChargeLine> {

    private final ItemStreamReader<UsageHour> hours;
    private final DailyRating rating;
    private final LocalDate date;
    private HourIterator source;
    private Stream<ChargeLine> lines;
    private Iterator<ChargeLine> iterator;

    ChargeLineReader(ItemStreamReader<UsageHour> hours, DailyRating rating, LocalDate date) {
        this.hours = hours;
        this.rating = rating;
        this.date = date;
        setName("chargeLineReader");
    }

    @Override
    protected void doOpen() {
        hours.open(new ExecutionContext());
        source = new HourIterator(hours);
        lines = rating.rateSortedByContainer(
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(source, Spliterator.ORDERED), false));
        iterator = lines.iterator();
    }

    @Override
    protected ChargeLine doRead() {
        try {
            return iterator.hasNext() ? iterator.next() : null;
        }
        catch (IllegalArgumentException e) {
            IllegalArgumentException withContext = new IllegalArgumentException("rating " + date + " failed at "
                    + source.groupInRating() + ": " + e.getMessage());
            withContext.addSuppressed(e);
            throw withContext;
        }
    }

    @Override
    protected void doClose() {
        if (lines != null) {
            lines.close();
        }
        hours.close();
    }

    /** The cursor as an iterator, remembering which container's hours are being rated (the one before the lookahead). */
    private static final class HourIterator implements Iterator<UsageHour> {

        private final ItemStreamReader<UsageHour> hours;
        private UsageHour next;
        private UsageHour last;
        private UsageHour lastOfPreviousContainer;
        private boolean done;

        HourIterator(ItemStreamReader<UsageHour> hours) {
            this.hours = hours;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = hours.read();
                }
                catch (Exception e) {
                    throw new IllegalStateException("reading usage hours failed: " + e.getMessage(), e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public UsageHour next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (last != null && !last.sameContainer(next)) {
                lastOfPreviousContainer = last;
            }
            last = next;
            next = null;
            return last;
        }

        String groupInRating() {
            UsageHour hour = done ? last : lastOfPreviousContainer;
            return hour == null ? "the first container" : "container " + hour.containerId() + " of tenant " + hour.tenant();
        }
    }
}
