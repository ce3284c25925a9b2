package io.flowbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code results.json}: what the run depended on ({@link RunInfo}) and its settings, then the figures of the last
 * (largest) size at the top level as {@link Figures#toMap()} writes them, and every size's under {@code scale}.
 */
final class BenchReport {

    private BenchReport() {
    }

    static Map<String, Object> results(RunInfo info, BenchSettings settings, List<Figures> sizes) {
        Map<String, Object> results = new LinkedHashMap<>(info.toMap());
        results.put("sizes", settings.containers());
        results.put("repeat", settings.repeat());
        results.put("history_days", settings.historyDays());
        results.put("latency_ms", settings.latencyMs());
        results.put("concurrency", settings.concurrency());
        results.put("only", settings.only().name().toLowerCase());
        results.putAll(sizes.get(sizes.size() - 1).toMap());
        results.put("scale", sizes.stream().map(Figures::toMap).toList());
        return results;
    }

    static Path write(Map<String, Object> results, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(results));
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
