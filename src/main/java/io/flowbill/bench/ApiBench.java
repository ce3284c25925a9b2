package io.flowbill.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.FlowbillApplication;
import io.flowbill.api.Granularity;
import io.flowbill.api.InvoiceQueries;
import io.flowbill.api.InvoiceSummary;
import io.flowbill.api.UsageQueries;
import io.flowbill.export.ExportService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.security.ApiKeys;
import io.flowbill.security.ApiRole;

/**
 * {@code bench --api}: the billing REST API under load (docs/performance.md). A tenant of N containers with
 * yesterday rated and its month's invoice refreshed ({@link RatingInput}, the real rating and invoice refresh); the
 * web server {@code serve} runs, in this JVM on a loopback port; a reader key per client made as
 * {@code api-key create} makes it. Each kind of request is driven by the clients ({@link ApiLoad}) over HTTP, then
 * its bound: the same query methods the controller calls, from as many threads on the same connection pool, without
 * HTTP, security and JSON.
 */
final class ApiBench {

    static final String TENANT = RatingInput.TENANT;
    static final int PAGE = 1_000;

    private final ApiBenchSettings settings;
    private final PrintStream out;

    ApiBench(ApiBenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Measures and prints; returns how many requests failed. */
    long measure() throws Exception {
        out.printf("flowbill bench --api: %,d containers, %d clients, %d s per phase after a %d s warm-up, %d cores,"
                + " max heap %d MB%n", settings.containers(), settings.clients(), settings.seconds(),
                settings.warmUpSeconds(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<ApiLoad.Result> results = new ArrayList<>();
        String postgresqlVersion;
        Map<String, Object> facts = new LinkedHashMap<>();
        try (BenchDatabase database = BenchDatabase.create(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword());
                ConfigurableApplicationContext context = context(database)) {
            BillingZone zone = context.getBean(PriceBook.class).zone();
            Clock clock = context.getBean(Clock.class);
            LocalDate today = zone.date(clock.instant());
            LocalDate day = today.minusDays(1);
            YearMonth month = YearMonth.from(day);
            long loadStart = System.nanoTime();
            try (Connection connection = database.connect()) {
                postgresqlVersion = RunInfo.serverVersion(connection);
                RatingInput.loadContainers(connection, settings.containers(), zone.startOf(day));
                RatingInput.loadUsage(connection, settings.containers(), zone.startOf(day));
                RatingInput.vacuum(connection);
                context.getBean(RatingService.class).rate(TENANT, day);
                context.getBean(InvoiceService.class).refreshFor(TENANT, day);
                RatingInput.vacuum(connection);
            }
            InvoiceQueries invoices = context.getBean(InvoiceQueries.class);
            InvoiceSummary invoice = invoices.find(TENANT, month).orElseThrow();
            facts.put("rated_day", day.toString());
            facts.put("invoice_lines", invoice.lines());
            facts.put("load_seconds", Figures.round((System.nanoTime() - loadStart) / 1e9));
            List<String> keys = keys(context.getBean(ApiKeys.class));
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            ExportService exports = context.getBean(ExportService.class);
            UsageQueries usage = context.getBean(UsageQueries.class);
            LocalDate through = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
            ApiHttp http = new ApiHttp(port, TENANT, settings.clients());
            String lines = "/invoices/" + invoice.number() + "?limit=" + PAGE;
            List<String> linePages = ApiLoad.starts(http.walk(keys.get(0), lines));
            if (linePages.size() != Math.max(1, (invoice.lines() + PAGE - 1) / PAGE)) {
                throw new IllegalStateException("following next through invoice " + invoice.number() + " read "
                        + linePages.size() + " pages of " + PAGE + " for its " + invoice.lines() + " lines");
            }
            String days = "/usage?granularity=day&from=" + day + "&to=" + day + "&limit=" + PAGE;
            List<String> usagePages = ApiLoad.starts(http.walk(keys.get(0), days));
            facts.put("invoice_pages", linePages.size());
            facts.put("usage_pages", usagePages.size());
            phase(results, "invoice lines, pages of 1,000", c -> http.walk(keys.get(c), lines),
                    c -> after -> invoices.lines(invoice, after, PAGE).next(), linePages);
            phase(results, "month to date", c -> http.walk(keys.get(c), "/month-to-date?month=" + month),
                    c -> after -> {
                        exports.monthToDate(TENANT, through);
                        return null;
                    }, Collections.singletonList(null));
            phase(results, "usage by day, pages of 1,000", c -> http.walk(keys.get(c), days),
                    c -> after -> usage.of(TENANT, day, day, Granularity.DAY, null, after, PAGE).next(),
                    usagePages);
        }
        RunInfo info = RunInfo.of(postgresqlVersion);
        ApiTable.print(info, facts, results, out);
        Path json = BenchReport.write(ApiTable.results(info, settings, facts, results), Path.of("target", "bench",
                "api-results.json"));
        out.println("figures written to " + json.toAbsolutePath());
        return results.stream().mapToLong(ApiLoad.Result::errors).sum();
    }

    /** The API's phase, then its bound's, back to back, each client starting at the page {@code starts} gives it. */
    private void phase(List<ApiLoad.Result> results, String name, IntFunction<ApiLoad.Walk> api,
            IntFunction<ApiLoad.Walk> bound, List<String> starts) throws Exception {
        Duration warmUp = Duration.ofSeconds(settings.warmUpSeconds());
        Duration measured = Duration.ofSeconds(settings.seconds());
        results.add(ApiLoad.run(name + " | HTTP API", settings.clients(), api, starts, warmUp, measured));
        results.add(ApiLoad.run(name + " | SQL alone", settings.clients(), bound, starts, warmUp, measured));
        out.printf("measured %s%n", name);
    }

    private List<String> keys(ApiKeys apiKeys) {
        List<String> keys = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            keys.add(apiKeys.create(TENANT, ApiRole.READER, "bench client " + c).text());
        }
        return keys;
    }

    private ConfigurableApplicationContext context(BenchDatabase database) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("server.port", 0);
        properties.put("flowbill.serve.auto-tick", false);
        properties.put("flowbill.api.security.requests-per-second", 0);
        // never called: the tenant's usage is written directly
        properties.put("flowbill.api.base-url", "http://127.0.0.1:9/");
        properties.put("flowbill.api.token", "unused");
        properties.put("flowbill.export.dir", Files.createTempDirectory("flowbill-bench-api-out").toString());
        properties.put("logging.level.io.flowbill", "WARN");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FlowbillApplication.class).run(args);
    }
}
