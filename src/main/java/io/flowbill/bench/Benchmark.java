package io.flowbill.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.FlowbillApplication;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.export.ExportService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;
import io.flowbill.pricing.PriceBook;

/**
 * {@code bench}: measures flowbill against its physical limits in one run and prints the figures (see README,
 * "Performance"): the API bound, the database bound, metering one window, rating and exporting one day, memory.
 */
public final class Benchmark {

    private final BenchSettings settings;
    private final PrintStream out;

    Benchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void measure() throws Exception {
        int n = settings.containers();
        out.printf("flowbill bench: %,d containers, %d ms API latency, concurrency %d, %d cores, max heap %d MB%n", n,
                settings.latencyMs(), settings.concurrency(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("containers", n);
        results.put("latency_ms", settings.latencyMs());
        results.put("concurrency", settings.concurrency());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        results.put("java", System.getProperty("java.version"));
        try (SandboxProcess sandbox = SandboxProcess.start(n, settings.latencyMs());
                BenchDatabase database = BenchDatabase.create(settings.databaseUrl(), settings.databaseUser(),
                        settings.databasePassword());
                ConfigurableApplicationContext context = context(sandbox, database)) {
            if (settings.runs(BenchSettings.Part.METERING)) {
                measureMetering(context, database, results);
            }
            if (settings.runs(BenchSettings.Part.RATING)) {
                measureRating(context, database, results);
            }
        }
        results.put("peak_heap_mb", Memory.peakHeapMb());
        results.put("peak_rss_mb", Memory.peakRssMb());
        BenchReport.print(results, out);
        Path json = BenchReport.write(results, Path.of("target", "bench", "results.json"));
        out.println("figures written to " + json.toAbsolutePath());
    }

    private void measureMetering(ConfigurableApplicationContext context, BenchDatabase database,
            Map<String, Object> results) throws Exception {
        int n = settings.containers();
        Instant windowStart = Instant.now().minus(Duration.ofMinutes(70)).truncatedTo(ChronoUnit.HOURS);
        MeteringRange window = new MeteringRange(windowStart, windowStart.plus(Duration.ofHours(1)));
        ContainerApiClient client = context.getBean(ContainerApiClient.class);
        long[] ids = ApiBound.someIds(client, Math.min(n, 200_000));
        // a first, untimed pass warms both JVMs up (JIT), as metering finds them after its inventory scan
        ApiBound.flowCallsPerSecond(client, ids, Math.min(n, 20_000), settings.concurrency(), window.from(), window.to());
        double apiBound = ApiBound.flowCallsPerSecond(client, ids, Math.min(n, 200_000), settings.concurrency(),
                window.from(), window.to());
        results.put("api_bound_calls_per_second", round(apiBound));

        MeteringSummary metered = context.getBean(MeteringService.class).meter(window, false);
        double meterSeconds = metered.elapsed().toNanos() / 1e9;
        double meterRate = metered.calls() / meterSeconds;
        results.put("metering_seconds", round(meterSeconds));
        results.put("metering_calls", metered.calls());
        results.put("metering_calls_per_second", round(meterRate));
        results.put("metering_vs_api_bound", round(meterRate / apiBound));
        try (Connection connection = database.connect()) {
            Map<String, Double> steps = StepTimes.of(connection, "meteringJob");
            double flowSeconds = steps.getOrDefault("flowStep", meterSeconds);
            results.put("metering_inventory_step_seconds", round(steps.getOrDefault("inventoryStep", 0.0)));
            results.put("metering_flow_step_seconds", round(flowSeconds));
            results.put("flow_step_calls_per_second", round(n / flowSeconds));
            results.put("flow_step_vs_api_bound", round(n / flowSeconds / apiBound));
        }
    }

    private void measureRating(ConfigurableApplicationContext context, BenchDatabase database,
            Map<String, Object> results) throws Exception {
        int n = settings.containers();
        LocalDate day = LocalDate.now(context.getBean(PriceBook.class).zone().id()).minusDays(3);
        Instant dayStart = context.getBean(PriceBook.class).zone().startOf(day);
        long usageHours;
        try (Connection connection = database.connect()) {
            results.put("copy_usage_rows_per_second", round(n / DatabaseBound.copyUsageRows(connection, n)));
            results.put("copy_charge_lines_per_second", round(n / DatabaseBound.copyChargeLines(connection, n)));
            usageHours = RatingInput.load(connection, n, dayStart);
        }
        long start = System.nanoTime();
        RatedDay rated = context.getBean(RatingService.class).rate(day);
        long ratedAt = System.nanoTime();
        List<InvoiceState> invoices = context.getBean(InvoiceService.class).refreshFor(day);
        long invoiced = System.nanoTime();
        ExportService exports = context.getBean(ExportService.class);
        exports.writeDay(day);
        exports.writeInvoices(invoices);
        double rateSeconds = (System.nanoTime() - start) / 1e9;
        results.put("rating_step_seconds", round((ratedAt - start) / 1e9));
        results.put("invoice_refresh_seconds", round((invoiced - ratedAt) / 1e9));
        results.put("export_seconds", round((System.nanoTime() - invoiced) / 1e9));
        double boundSeconds;
        try (Connection connection = database.connect()) {
            boundSeconds = DatabaseBound.copyUsageOut(connection, dayStart.toString(), dayStart.plus(Duration.ofDays(1))
                    .toString()) + DatabaseBound.copyChargeLines(connection, rated.lines());
        }
        results.put("rating_usage_hours", usageHours);
        results.put("rating_charge_lines", rated.lines());
        results.put("rating_export_seconds", round(rateSeconds));
        results.put("rating_usage_hours_per_second", round(usageHours / rateSeconds));
        results.put("database_bound_seconds_same_rows", round(boundSeconds));
        results.put("rating_vs_database_bound", round(rateSeconds / boundSeconds));
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

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
