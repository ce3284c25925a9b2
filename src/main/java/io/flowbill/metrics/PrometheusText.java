package io.flowbill.metrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What a one-shot run publishes: the registry's scrape in the Prometheus text format (0.0.4), limited to flowbill's
 * own families and Spring Batch's. JVM, process and connection-pool meters describe a process that is about to exit,
 * and in node_exporter's textfile collector {@code process_*} would collide with node_exporter's own series.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final List<String> PUBLISHED_PREFIXES = List.of("flowbill_", "spring_batch_");

    private PrometheusText() {
    }

    static byte[] render(PrometheusMeterRegistry registry) {
        return filter(registry.scrape()).getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the lines (comments and samples) of the published families, in order. */
    static String filter(String scrape) {
        String kept = scrape.lines().filter(line -> published(metricName(line))).collect(Collectors.joining("\n"));
        return kept.isEmpty() ? "" : kept + "\n";
    }

    /** The metric a line is about: the third word of {@code # HELP} and {@code # TYPE}, the sample's name otherwise. */
    static String metricName(String line) {
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            String rest = line.substring(7);
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }
        if (line.isBlank() || line.startsWith("#")) {
            return "";
        }
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    private static boolean published(String name) {
        return PUBLISHED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
