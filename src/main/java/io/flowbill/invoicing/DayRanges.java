package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Days written compactly: runs of consecutive days as {@code first..last}, single days alone, in order, separated by
 * {@code ", "} ({@code 2026-11-01..2026-11-24, 2026-11-26, 2026-11-28..2026-11-30}).
 */
public final class DayRanges {

    private DayRanges() {
    }

    public static String of(List<LocalDate> days) {
        SortedSet<LocalDate> sorted = new TreeSet<>(days);
        List<String> ranges = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate day : sorted) {
            if (last != null && day.equals(last.plusDays(1))) {
                last = day;
                continue;
            }
            if (first != null) {
                ranges.add(range(first, last));
            }
            first = day;
            last = day;
        }
        if (first != null) {
            ranges.add(range(first, last));
        }
        return String.join(", ", ranges);
    }

    private static String range(LocalDate first, LocalDate last) {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
