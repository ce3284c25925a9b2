package io.flowbill.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between two {@link BillSnapshot}s: the first difference in full, and a count per table and file. */
final class BillDifferences {

    private final List<String> first = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private BillDifferences() {
    }

    static BillDifferences between(BillSnapshot expected, BillSnapshot actual) {
        BillDifferences differences = new BillDifferences();
        if (!expected.tenants().equals(actual.tenants())) {
            differences.add("tenants", "expected tenants " + expected.tenants() + ", actual " + actual.tenants());
        }
        for (String table : expected.tables().keySet()) {
            differences.compareTable(table, expected.table(table), actual.table(table));
        }
        for (String table : actual.tables().keySet()) {
            if (!expected.tables().containsKey(table)) {
                differences.add(table, "table " + table + " read only in the actual snapshot (" + actual.notes()
                        + " / " + expected.notes() + ")");
            }
        }
        differences.compareFiles(expected.files(), actual.files());
        return differences;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    String describe() {
        return "the bills differ: " + first.get(0) + "\ndifferences per table or file: " + counts;
    }

    private void compareTable(String table, Map<String, Map<String, String>> expected,
            Map<String, Map<String, String>> actual) {
        for (Map.Entry<String, Map<String, String>> row : expected.entrySet()) {
            Map<String, String> other = actual.get(row.getKey());
            if (other == null) {
                add(table, "table " + table + ", key " + row.getKey() + ": missing in the actual bill; expected row "
                        + row.getValue());
                continue;
            }
            for (Map.Entry<String, String> column : row.getValue().entrySet()) {
                if (!Objects.equals(column.getValue(), other.get(column.getKey()))) {
                    add(table, "table " + table + ", key " + row.getKey() + ", column " + column.getKey()
                            + ": expected " + column.getValue() + ", actual " + other.get(column.getKey())
                            + "\n  expected row " + row.getValue() + "\n  actual row   " + other);
                    break;
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> row : actual.entrySet()) {
            if (!expected.containsKey(row.getKey())) {
                add(table, "table " + table + ", key " + row.getKey() + ": extra in the actual bill (a duplicate, or a"
                        + " row the expected bill does not have); actual row " + row.getValue());
            }
        }
    }

    private void compareFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            byte[] mine = expected.get(name);
            byte[] theirs = actual.get(name);
            if (mine == null || theirs == null) {
                add(name, "file " + name + ": " + (mine == null ? "extra in the actual export" : "missing in the actual"
                        + " export"));
            }
            else if (!Arrays.equals(mine, theirs)) {
                add(name, "file " + name + ": " + firstLineDifference(mine, theirs));
            }
        }
    }

    private static String firstLineDifference(byte[] expected, byte[] actual) {
        String[] a = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end of file)";
            String y = i < b.length ? b[i] : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected '" + clip(x) + "', actual '" + clip(y) + "' (" + expected.length
                        + " vs " + actual.length + " bytes)";
            }
        }
        return "same text, other bytes (" + expected.length + " vs " + actual.length + " bytes)";
    }

    private static String clip(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    private void add(String where, String description) {
        if (first.isEmpty()) {
            first.add(description);
        }
        counts.merge(where, 1, Integer::sum);
    }
}
