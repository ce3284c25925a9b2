package io.flowbill.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Pages through the fleet in id order without scanning it: generated containers created by now are a prefix of the
 * generated columns; the changed ones (few) are either hidden from that prefix (deleted) or appended after it
 * (created later, with larger ids). Cost per page: O(changed containers + limit).
 */
final class FleetPaging {

    private FleetPaging() {
    }

    static ContainerPage page(GeneratedFleet generated, SortedMap<Long, ContainerHistory> changed, Instant now,
            int offset, int limit) {
        int prefix = generated.createdBy(now);
        List<Integer> hidden = new ArrayList<>();
        List<ContainerHistory> created = new ArrayList<>();
        for (ContainerHistory history : changed.values()) {
            int index = history.generatedIndex();
            if (index >= 0) {
                if (index < prefix && !history.visibleAt(now)) {
                    hidden.add(index);
                }
            } else if (history.visibleAt(now)) {
                created.add(history);
            }
        }
        int generatedVisible = prefix - hidden.size();
        int total = generatedVisible + created.size();
        int end = (int) Math.min((long) offset + limit, total);
        List<Container> page = new ArrayList<>(Math.max(0, end - offset));
        for (int position = offset; position < end; position++) {
            ContainerHistory history = position < generatedVisible
                    ? changedOrGenerated(generated, changed, indexAt(position, hidden))
                    : created.get(position - generatedVisible);
            page.add(history.snapshot(now));
        }
        return new ContainerPage(total, page);
    }

    /** The generated index of the position-th visible generated container, skipping the hidden ones. */
    private static int indexAt(int position, List<Integer> hiddenAscending) {
        int index = position;
        for (int hidden : hiddenAscending) {
            if (hidden <= index) {
                index++;
            } else {
                break;
            }
        }
        return index;
    }

    private static ContainerHistory changedOrGenerated(GeneratedFleet generated,
            SortedMap<Long, ContainerHistory> changed, int index) {
        ContainerHistory history = changed.get(generated.id(index));
        return history != null ? history : generated.history(index);
    }
}
