package io.flowbill.bench;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The printed table: one row per figure, one column per fleet size; a measured figure reads "median [min - max]"
 * when it was measured more than once, a fact its value. Under it, what the run depended on.
 */
final class ScaleTable {

    private ScaleTable() {
    }

    static void print(RunInfo info, List<Figures> sizes, PrintStream out) {
        Set<String> names = new LinkedHashSet<>();
        sizes.forEach(size -> names.addAll(size.names()));
        out.println();
        out.printf("%-46s", "figure \\ containers");
        sizes.forEach(size -> out.printf(" %28s", String.format("%,d", size.containers())));
        out.println();
        for (String name : names) {
            out.printf("%-46s", name);
            sizes.forEach(size -> out.printf(" %28s", cell(size, name)));
            out.println();
        }
        out.println();
        info.toMap().forEach((name, value) -> out.printf("%-46s %s%n", name, value));
    }

    static String cell(Figures size, String name) {
        if (!size.isMeasured(name)) {
            Object fact = size.fact(name);
            return fact == null ? "-" : fact.toString();
        }
        String median = number(size.median(name));
        return size.values(name).size() == 1 ? median
                : median + " [" + number(size.min(name)) + " - " + number(size.max(name)) + "]";
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.3f", value);
    }
}
