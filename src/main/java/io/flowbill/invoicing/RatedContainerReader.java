package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.flowbill.pricing.DailyRating;
import io.flowbill.pricing.RatedContainer;
import io.flowbill.pricing.UsageRow;

/**
 * {@code ratedContainerReader}: streams one day's usage rows (sorted by tenant, container and first hour, from
 * {@code usageBlockReader}, a database cursor) through {@link DailyRating#rateSortedByContainer} and hands out each
 * container's rated day (its charge lines and package days, or why it cannot be rated). Memory holds one container's blocks, never the day.
 * Its saved state is the count of containers handed out: a restart rates the day again and skips that many. Every
 * container handed out (the skipped ones too) goes to the partition's {@link DayTally}, which {@code staging} stages
 * once the blocks ran out.
 */
class RatedContainerReader extends AbstractItemCountingItemStreamItemReader<RatedContainer> {

    private final ItemStreamReader<UsageRow> blocks;
    private final DailyRating rating;
    private final LocalDate date;
    private final DayTally tally;
    private final Consumer<DayTally> staging;
    private boolean staged;
    private BlockIterator source;
    private Stream<RatedContainer> rated;
    private Iterator<RatedContainer> iterator;

    RatedContainerReader(ItemStreamReader<UsageRow> blocks, DailyRating rating, LocalDate date, DayTally tally,
            Consumer<DayTally> staging) {
        this.blocks = blocks;
        this.tally = tally;
        this.staging = staging;
        this.rating = rating;
        this.date = date;
        setName("ratedContainerReader");
    }

    @Override
    protected void doOpen() {
        blocks.open(new ExecutionContext());
        source = new BlockIterator(blocks);
        rated = rating.rateSortedByContainer(
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(source, Spliterator.ORDERED), false));
        iterator = rated.iterator();
    }

    @Override
    protected RatedContainer doRead() {
        try {
            if (iterator.hasNext()) {
                RatedContainer container = iterator.next();
                tally.rated(container);
                return container;
            }
            if (!staged) {
                tally.endOfContainer();
                staging.accept(tally);
                staged = true;
            }
            return null;
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
        if (rated != null) {
            rated.close();
        }
        blocks.close();
    }

    /** The cursor as an iterator, remembering which container's blocks are being rated (the one before the lookahead). */
    private static final class BlockIterator implements Iterator<UsageRow> {

        private final ItemStreamReader<UsageRow> blocks;
        private UsageRow next;
        private UsageRow last;
        private UsageRow lastOfPreviousContainer;
        private boolean done;

        BlockIterator(ItemStreamReader<UsageRow> blocks) {
            this.blocks = blocks;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = blocks.read();
                }
                catch (Exception e) {
                    throw new IllegalStateException("reading usage failed: " + e.getMessage(), e);
                }
                done = next == null;
            }
            return next != null;
        }

        @Override
        public UsageRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (last != null && !last.sameContainerAs(next)) {
                lastOfPreviousContainer = last;
            }
            last = next;
            next = null;
            return last;
        }

        String groupInRating() {
            UsageRow hour = done ? last : lastOfPreviousContainer;
            return hour == null ? "the first container" : "container " + hour.containerId() + " of tenant " + hour.tenant();
        }
    }
}
