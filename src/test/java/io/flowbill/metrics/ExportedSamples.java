package io.flowbill.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The samples of a Prometheus text-format (0.0.4) exposition, parsed for assertions. */
record ExportedSamples(List<Sample> samples) {

    /** One sample line: name, labels, value. */
    record Sample(String name, Map<String, String> labels, BigDecimal value) {
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static ExportedSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(matcher.group(1), labels, new BigDecimal(matcher.group(4))));
        }
        return new ExportedSamples(List.copyOf(samples));
    }

    /** Every sample name, e.g. {@code flowbill_api_requests_seconds_bucket}. */
    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The samples of {@code name} matching {@code filter}, added up by the value of {@code label}. */
    Map<String, BigDecimal> sumBy(String name, String label, Predicate<Sample> filter) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        named(name).stream().filter(filter)
                .forEach(sample -> sums.merge(sample.labels().get(label), sample.value(), BigDecimal::add));
        return sums;
    }

    Map<String, BigDecimal> sumBy(String name, String label) {
        return sumBy(name, label, sample -> true);
    }

    /** The one value of {@code name} with exactly these labels. */
    BigDecimal value(String name, Map<String, String> labels) {
        List<Sample> matching = named(name).stream().filter(sample -> sample.labels().equals(labels)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples of " + name + labels + " in " + names());
        }
        return matching.get(0).value();
    }
}
