package io.flowbill.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an exceptions file holds, counted from the rows written to it: rows, rows by kind, and the first
 * {@value #LISTED} rows in file order for the report (the CSV has them all).
 */
final class ExceptionTally {

    static final int LISTED = 50;

    /** One exception as the report lists it (raw text, escaped by the page, not neutralized for spreadsheets). */
    record Listed(long containerId, String windowStart, String kind, String rawValue, String message) {
    }

    private long rows;
    private final SortedMap<String, Long> byKind = new TreeMap<>();
    private final List<Listed> listed = new ArrayList<>();

    void add(Listed exception) {
        rows++;
        byKind.merge(exception.kind(), 1L, Long::sum);
        if (listed.size() < LISTED) {
            listed.add(exception);
        }
    }

    long rows() {
        return rows;
    }

    SortedMap<String, Long> byKind() {
        return Collections.unmodifiableSortedMap(byKind);
    }

    List<Listed> listed() {
        return Collections.unmodifiableList(listed);
    }
}
