package io.flowbill.metering;

import java.util.HashSet;
import java.util.Set;

import io.flowbill.containerapi.Container;
import io.flowbill.containerapi.ContainerPage;

/**
 * What one pass over the container list saw, page boundary by page boundary. Pages overlap by
 * {@link InventoryScanner#OVERLAP} positions, so a full page and the page after it share an id unless more
 * containers vanished before the cursor in between than the overlap absorbs: a boundary without a shared id is a
 * gap, where the pass may have skipped containers. A pass with no gap, whose last page came back short, has seen
 * every container that existed throughout it (the list keeps its order), whatever moved meanwhile.
 */
final class ListPass {

    private Set<Long> previous = Set.of();
    private boolean previousFull;
    private int gaps;
    private long reportedAtEnd;
    private int pages;

    /** Whether the next page in offset order links to the page before it: it shares an id, or there is no full page before. */
    boolean links(ContainerPage page) {
        return pages == 0 || !previousFull || page.containers().stream().anyMatch(c -> previous.contains(c.id()));
    }

    /** Takes the next page in offset order, linked or not (an unlinked one counts as a gap). */
    void accept(ContainerPage page) {
        if (!links(page)) {
            gaps++;
        }
        pages++;
        Set<Long> ids = new HashSet<>();
        for (Container c : page.containers()) {
            ids.add(c.id());
        }
        previous = ids;
        previousFull = page.containers().size() >= InventoryScanner.PAGE_SIZE;
        reportedAtEnd = page.total();
    }

    boolean endedShort() {
        return !previousFull;
    }

    int gaps() {
        return gaps;
    }

    long reportedAtEnd() {
        return reportedAtEnd;
    }
}
