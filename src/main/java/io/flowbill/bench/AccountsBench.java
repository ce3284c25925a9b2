package io.flowbill.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.FlowbillApplication;
import io.flowbill.accounts.Accounts;
import io.flowbill.accounts.TenantRuns;
import io.flowbill.cluster.ClusterProperties;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;

/**
 * {@code bench --accounts M [--workers W] [--account-rps R]}: how metering scales with accounts and workers when
 * each account's API limit, not the CPU, is the bound. One sandbox process serves M accounts (M tokens on one
 * fleet, each limited to R requests a second, as a real cloud account is); flowbill meters one hourly window of
 * every account, in this process (W = 0) or as the manager of W {@code worker} processes; the figures are calls a
 * second overall and per account against the ideal M x R. Written to {@code target/bench/accounts-results.json}.
 */
final class AccountsBench {

    private final AccountsBenchSettings settings;
    private final PrintStream out;

    AccountsBench(AccountsBenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void measure() throws Exception {
        out.printf(Locale.ROOT, "flowbill bench: %d accounts of %,d containers, %d requests/s each (ideal %,d calls/s),"
                + " %d workers, %d cores%n", settings.accounts(), settings.containers(), settings.accountRps(),
                settings.idealCallsPerSecond(), settings.workers(), Runtime.getRuntime().availableProcessors());
        Path folder = Files.createTempDirectory("flowbill-bench-accounts");
        AccountFiles accounts = AccountFiles.create(settings.accounts(), folder);
        Map<String, Object> results = new LinkedHashMap<>();
        List<Map<String, Object>> repetitions = new ArrayList<>();
        SandboxProcess.Counts counts;
        try (SandboxProcess sandbox = SandboxProcess.start(settings.containers(), 0, accounts.firstToken(),
                accounts.sandboxOptions(settings.accountRps()));
                BenchDatabase database = BenchDatabase.create(settings.databaseUrl(), settings.databaseUser(),
                        settings.databasePassword())) {
            Map<String, Object> properties = properties(accounts, sandbox, database, folder);
            try (WorkerProcesses workers = settings.workers() == 0 ? null : WorkerProcesses.start(settings.workers(),
                    properties, Map.of("SPRING_DATASOURCE_PASSWORD", database.password()));
                    ConfigurableApplicationContext context = context(properties, database)) {
                try {
                    Instant last = Instant.now().minus(Duration.ofMinutes(70)).truncatedTo(ChronoUnit.HOURS);
                    for (int repetition = 0; repetition < settings.repeat(); repetition++) {
                        Instant from = last.minus(Duration.ofHours(repetition));
                        ProcessCpu cpu = ProcessCpu.start(sandbox, workers);
                        Map<String, Object> figures = meterOneWindow(context,
                                new MeteringRange(from, from.plus(Duration.ofHours(1))));
                        figures.put("cpu_seconds", cpu.used(sandbox, workers));
                        figures.put("load_average", ProcessCpu.loadAverage());
                        repetitions.add(figures);
                    }
                }
                finally {
                    if (workers != null) {
                        // the workers first: a listening worker would declare the queues again
                        workers.close();
                        String queue = (String) properties.get("flowbill.cluster.requests-queue");
                        deleteQueues(context, queue);
                        out.println("RabbitMQ queue " + queue + " and its dead letters deleted");
                    }
                }
            }
            counts = sandbox.stop();
        }
        results.put("accounts", settings.accounts());
        results.put("workers", settings.workers());
        results.put("account_rps", settings.accountRps());
        results.put("containers_per_account", settings.containers());
        results.put("ideal_calls_per_second", settings.idealCallsPerSecond());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("repetitions", repetitions);
        if (counts != null) {
            // over all repetitions, as the API saw them: the workers' calls too, which the manager does not count
            double seconds = repetitions.stream().mapToDouble(r -> (Double) r.get("seconds")).sum();
            double admitted = (counts.requests() - counts.refusedOverLimit()) / seconds;
            results.put("api_calls_per_second", Figures.round(counts.requests() / seconds));
            results.put("api_admitted_per_second", Figures.round(admitted));
            results.put("api_admitted_per_second_per_account", Figures.round(admitted / settings.accounts()));
            results.put("api_share_of_ideal", Figures.round(admitted / settings.idealCallsPerSecond()));
            out.printf(Locale.ROOT, "the API admitted %.0f calls/s (%.0f per account), %.0f %% of the ideal %,d%n",
                    admitted, admitted / settings.accounts(), 100 * admitted / settings.idealCallsPerSecond(),
                    settings.idealCallsPerSecond());
            // the clients together (manager and workers) must stay within each account's limit
            results.put("sandbox_requests", counts.requests());
            results.put("sandbox_refused_over_limit", counts.refusedOverLimit());
            results.put("sandbox_403", counts.status403());
            results.put("sandbox_429", counts.status429());
            out.printf(Locale.ROOT, "sandbox: %,d requests, %,d refused over the account limit (403: %,d, 429: %,d)%n",
                    counts.requests(), counts.refusedOverLimit(), counts.status403(), counts.status429());
        }
        Path json = BenchReport.write(results, Path.of("target", "bench", "accounts-results.json"));
        out.println("figures written to " + json.toAbsolutePath());
    }

    private Map<String, Object> meterOneWindow(ConfigurableApplicationContext context, MeteringRange window)
            throws Exception {
        MeteringService metering = context.getBean(MeteringService.class);
        Accounts accounts = context.getBean(Accounts.class);
        long started = System.nanoTime();
        List<TenantRuns.Outcome<MeteringSummary>> outcomes = TenantRuns.run(accounts.all(), accounts.inParallel(),
                account -> metering.meter(account.tenant(), window, false));
        double seconds = (System.nanoTime() - started) / 1e9;
        long calls = 0;
        long retries = 0;
        Map<String, Object> perAccount = new LinkedHashMap<>();
        for (TenantRuns.Outcome<MeteringSummary> outcome : outcomes) {
            if (outcome.failed()) {
                throw new IllegalStateException("metering " + outcome.tenant() + " failed: "
                        + outcome.failure().getMessage(), outcome.failure());
            }
            MeteringSummary summary = outcome.result();
            calls += summary.calls();
            retries += summary.retries();
            perAccount.put(outcome.tenant(), Figures.round(summary.calls() / (summary.elapsed().toNanos() / 1e9)));
        }
        double rate = calls / seconds;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("window", window.from().toString());
        figures.put("calls", calls); // with workers, theirs too (counted in their partitions)
        figures.put("seconds", Figures.round(seconds));
        figures.put("calls_per_second", Figures.round(rate));
        figures.put("share_of_ideal", Figures.round(rate / settings.idealCallsPerSecond()));
        figures.put("client_retries", retries);
        figures.put("calls_per_second_per_account", perAccount);
        out.printf(Locale.ROOT, "window %s: %,d calls in %.1f s = %.0f calls/s, %.0f %% of the ideal %,d%n",
                window.from(), calls, seconds, rate, 100 * rate / settings.idealCallsPerSecond(),
                settings.idealCallsPerSecond());
        return figures;
    }

    private Map<String, Object> properties(AccountFiles accounts, SandboxProcess sandbox, BenchDatabase database,
            Path folder) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.putAll(accounts.properties(sandbox.baseUrl().toString(), settings.accountRps(), 64));
        properties.put("flowbill.export.dir", folder.resolve("out").toString());
        properties.put("logging.level.io.flowbill", "WARN");
        if (settings.workers() > 0) {
            properties.put("flowbill.cluster.enabled", "true");
            properties.put("flowbill.cluster.requests-queue", "flowbill-bench-" + UUID.randomUUID());
            for (String rabbit : settings.rabbitProperties()) {
                int equals = rabbit.indexOf('=');
                properties.put(rabbit.substring(2, equals), rabbit.substring(equals + 1));
            }
        }
        return properties;
    }

    /** The run's own requests queue and its dead-letter queue: a bench leaves no queue behind. */
    private static void deleteQueues(ConfigurableApplicationContext context, String requestsQueue) {
        AmqpAdmin admin = context.getBean(AmqpAdmin.class);
        admin.deleteQueue(requestsQueue);
        admin.deleteQueue(ClusterProperties.deadLetterQueue(requestsQueue));
    }

    private static ConfigurableApplicationContext context(Map<String, Object> properties, BenchDatabase database) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        // this process runs every account's job at once (docs/configuration.md, "Accounts": above accounts-in-parallel x (partitions + 1));
        // the workers keep their own default, enough for their concurrency
        int accounts = (Integer) properties.get("flowbill.accounts-in-parallel");
        args.add("--spring.datasource.hikari.maximum-pool-size=" + (2 * accounts + 2));
        // the password as an argument of this process only: the workers get it through their environment
        args.add("--spring.datasource.password=" + database.password());
        return new SpringApplicationBuilder(FlowbillApplication.class).run(args.toArray(String[]::new));
    }
}
