package io.flowbill.api;

import java.util.List;

/**
 * One page of a list: its items and the cursor of the next page, null on the last page.
 *
 * @param items the page's items, in the list's order
 * @param next  the {@code after} value of the next page; null when there is none
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A row of a keyset query with the cursor that reads on after it. */
    public record Keyed<T>(T item, String cursor) {
    }

    /**
     * The page of a keyset query that read up to {@code limit + 1} rows: the first {@code limit} of them, and the
     * cursor after the last of those when the extra row shows that more follow.
     */
    public static <T> Page<T> of(List<Keyed<T>> rows, int limit) {
        List<T> items = rows.stream().limit(limit).map(Keyed::item).toList();
        return new Page<>(items, rows.size() > limit ? rows.get(limit - 1).cursor() : null);
    }
}
