package io.flowbill.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.FlowbillApplication;

/**
 * {@code bench}: measures flowbill against its physical limits and prints the figures (see docs/performance.md):
 * for each fleet size in turn, with its own sandbox, database and peaks, the API bound and metering one window
 * ({@link MeteringBench}), the database bound and the night of a month's last day ({@link RatingBench}), memory.
 */
public final class Benchmark {

    private final BenchSettings settings;
    private final PrintStream out;

    Benchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void measure() throws Exception {
        out.printf("flowbill bench: %s containers, %d ms API latency, concurrency %d, %d repetitions, %d history days,"
                + " %d cores, max heap %d MB%n", settings.containers(), settings.latencyMs(), settings.concurrency(),
                settings.repeat(), settings.historyDays(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<Figures> sizes = new ArrayList<>();
        String postgresqlVersion = null;
        for (int n : settings.containers()) {
            Figures figures = new Figures(n);
            figures.fact("peak_rss_of_this_size_alone", Memory.resetPeaks());
            try (SandboxProcess sandbox = SandboxProcess.start(n, settings.latencyMs());
                    BenchDatabase database = BenchDatabase.create(settings.databaseUrl(), settings.databaseUser(),
                            settings.databasePassword());
                    ConfigurableApplicationContext context = context(sandbox, database)) {
                try (Connection connection = database.connect()) {
                    postgresqlVersion = RunInfo.serverVersion(connection);
                }
                if (settings.runs(BenchSettings.Part.METERING)) {
                    MeteringBench.measure(context, database, settings, n, figures);
                }
                if (settings.runs(BenchSettings.Part.RATING)) {
                    RatingBench.measure(context, database, settings, n, figures);
                }
            }
            figures.fact("peak_heap_mb", Memory.peakHeapMb());
            figures.fact("peak_heap_after_collection_mb", Memory.peakHeapAfterCollectionMb());
            figures.fact("peak_rss_mb", Memory.peakRssMb());
            sizes.add(figures);
            out.printf("measured %,d containers%n", n);
        }
        RunInfo info = RunInfo.of(postgresqlVersion);
        ScaleTable.print(info, sizes, out);
        Path json = BenchReport.write(BenchReport.results(info, settings, sizes), Path.of("target", "bench",
                "results.json"));
        out.println("figures written to " + json.toAbsolutePath());
    }

    private ConfigurableApplicationContext context(SandboxProcess sandbox, BenchDatabase database) throws Exception {
        Path exports = Files.createTempDirectory("flowbill-bench-out");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("flowbill.api.base-url", sandbox.baseUrl().toString());
        properties.put("flowbill.api.token", sandbox.token());
        properties.put("flowbill.api.max-concurrency", settings.concurrency());
        properties.put("flowbill.api.requests-per-second", 0);
        properties.put("flowbill.export.dir", exports.toString());
        properties.put("logging.level.io.flowbill", "WARN");
        // as command-line arguments: they outrank the environment (SPRING_DATASOURCE_URL names the server, not this database)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(FlowbillApplication.class).run(args);
    }
}
