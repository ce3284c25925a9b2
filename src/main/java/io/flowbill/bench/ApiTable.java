package io.flowbill.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed table of {@code bench --api}: a row per request kind and path (the HTTP API, then the same queries in
 * SQL alone), with requests, errors, throughput and latencies; the first error of a row under the table. Then the
 * tenant's facts and what the run depended on; {@link #results} is the same as {@code api-results.json}.
 */
final class ApiTable {

    private ApiTable() {
    }

    static void print(RunInfo info, Map<String, Object> facts, List<ApiLoad.Result> results, PrintStream out) {
        out.println();
        out.printf("%-44s %10s %8s %10s %10s %10s%n", "request | path", "requests", "errors", "req/s", "p50 ms",
                "p99 ms");
        for (ApiLoad.Result row : results) {
            out.printf("%-44s %,10d %8d %,10.1f %,10.1f %,10.1f%n", row.name(), row.requests(), row.errors(),
                    row.requestsPerSecond(), row.p50Ms(), row.p99Ms());
        }
        results.stream().filter(row -> row.firstError() != null)
                .forEach(row -> out.printf("first error of %s: %s%n", row.name(), row.firstError()));
        out.println();
        facts.forEach((name, value) -> out.printf("%-44s %s%n", name, value));
        info.toMap().forEach((name, value) -> out.printf("%-44s %s%n", name, value));
    }

    static Map<String, Object> results(RunInfo info, ApiBenchSettings settings, Map<String, Object> facts,
            List<ApiLoad.Result> results) {
        Map<String, Object> json = new LinkedHashMap<>(info.toMap());
        json.put("containers", settings.containers());
        json.put("clients", settings.clients());
        json.put("seconds", settings.seconds());
        json.put("warm_up_seconds", settings.warmUpSeconds());
        json.putAll(facts);
        json.put("requests", results.stream().map(row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", row.name());
            map.put("requests", row.requests());
            map.put("errors", row.errors());
            map.put("requests_per_second", Figures.round(row.requestsPerSecond()));
            map.put("p50_ms", Figures.round(row.p50Ms()));
            map.put("p99_ms", Figures.round(row.p99Ms()));
            map.put("first_error", row.firstError());
            return map;
        }).toList());
        return json;
    }
}
