package io.flowbill.export;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The containers metered in a day that have no charge line of it, grouped by why: the status of their last hour of
 * the day (a status the status policy does not bill, docs/billing-rules.md "Which hours are billed"), or
 * {@value #UNRATEABLE} when rating could not price the day (an {@code unrateable_day} exception).
 *
 * @param metered  containers with at least one metered hour in the day
 * @param byReason reason to the containers, by container id
 */
record UnbilledContainers(long metered, SortedMap<String, List<Container>> byReason) {

    static final String UNRATEABLE = "unrateable_day";

    /** One container not billed; {@code name} is the name in force at the day's end, null when unknown. */
    record Container(long containerId, String name) {
    }

    UnbilledContainers {
        SortedMap<String, List<Container>> copy = new TreeMap<>();
        byReason.forEach((reason, containers) -> copy.put(reason, List.copyOf(containers)));
        byReason = copy;
    }

    long count() {
        return byReason.values().stream().mapToLong(List::size).sum();
    }
}
