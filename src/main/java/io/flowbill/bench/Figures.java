package io.flowbill.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one fleet size. A measured figure is added once per repetition and reported as the median of its
 * values (the mean of the two middle ones for an even count), with min and max; a fact (a count, the history's
 * load time, a peak) is measured once.
 */
final class Figures {

    private final int containers;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Figures(int containers) {
        this.containers = containers;
    }

    int containers() {
        return containers;
    }

    void add(String name, double value) {
        samples.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** Facts first, then measured figures, each once, in the order they were first given. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>(facts.keySet());
        names.addAll(samples.keySet());
        return names;
    }

    boolean isMeasured(String name) {
        return samples.containsKey(name);
    }

    Object fact(String name) {
        return facts.get(name);
    }

    List<Double> values(String name) {
        return Collections.unmodifiableList(samples.getOrDefault(name, List.of()));
    }

    double median(String name) {
        List<Double> sorted = sorted(name);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min(String name) {
        return sorted(name).get(0);
    }

    double max(String name) {
        List<Double> sorted = sorted(name);
        return sorted.get(sorted.size() - 1);
    }

    /**
     * As written to {@code results.json}: {@code containers}, the facts, the median of each measured figure, and
     * under {@code spread} each measured figure's min, max and values in the order measured.
     */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("containers", containers);
        map.putAll(facts);
        Map<String, Object> spread = new LinkedHashMap<>();
        samples.forEach((name, values) -> {
            map.put(name, round(median(name)));
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("min", round(min(name)));
            range.put("max", round(max(name)));
            range.put("values", values.stream().map(Figures::round).toList());
            spread.put(name, range);
        });
        map.put("spread", spread);
        return map;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private List<Double> sorted(String name) {
        List<Double> values = samples.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("no values of figure '" + name + "' for " + containers + " containers");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
