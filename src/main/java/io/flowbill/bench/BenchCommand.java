package io.flowbill.bench;

import java.util.List;
import java.util.concurrent.Callable;

import io.flowbill.system.Streams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench [options]}: the command line of {@link Benchmark}. */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = { "Measure flowbill against the API and database bounds; prints a table, writes"
                + " target/bench/results.json.",
                "Starts the sandbox as a second JVM, uses a fresh database on the configured PostgreSQL"
                        + " (SPRING_DATASOURCE_URL or --spring.datasource.url=..., else an embedded one), and measures"
                        + " the API bound, the database bound, metering of one window, rating, invoice refresh, export"
                        + " and close of a month's last day, and memory; each figure the median of --repeat runs." })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--containers", paramLabel = "N[,N...]", split = ",", defaultValue = "100000",
            description = "the fleet size, or a list of sizes measured one after the other into one table"
                    + " (default 100000)")
    List<Integer> containers;

    @Option(names = "--latency-ms", paramLabel = "N", description = "API latency the sandbox adds (default 0)")
    int latencyMs;

    @Option(names = "--concurrency", paramLabel = "N", description = "parallel API calls (default 64)")
    int concurrency = 64;

    @Option(names = "--only", paramLabel = "metering|rating", description = "run the API bound and metering, or the"
            + " database bound and rating, alone")
    BenchSettings.Part only = BenchSettings.Part.ALL;

    @Option(names = "--repeat", paramLabel = "N", description = "repetitions of every figure; the median, min and max"
            + " are reported (default 3)")
    int repeat = 3;

    @Option(names = "--history-days", paramLabel = "D", description = "earlier days of the month loaded before the"
            + " measured day, the month's last (0-30, default 0): the last rated by the real job, the others copied"
            + " from it and checked; above 100000 containers only the last with usage hours")
    int historyDays;

    @Option(names = "--accounts", paramLabel = "M", description = "measure M accounts instead: one sandbox serves M"
            + " accounts (one fleet of --containers, default 1000, for each), each limited to --account-rps requests a"
            + " second; one window of every account is metered; writes target/bench/accounts-results.json")
    Integer accounts;

    @Option(names = "--workers", paramLabel = "W", description = "with --accounts: W worker processes take the"
            + " partitions from RabbitMQ (spring.rabbitmq.* from the environment or --spring.rabbitmq.*=...);"
            + " 0 (default): this process alone")
    Integer workers;

    @Option(names = "--account-rps", paramLabel = "R", description = "with --accounts: each account's API limit,"
            + " requests a second (default 100)")
    Integer accountRps;

    @Option(names = "--api", description = "measure the billing REST API instead: --clients concurrent clients over"
            + " loopback against a tenant of --containers (one size), invoice line pages, month to date and usage by"
            + " day, each beside the same queries in SQL alone; writes target/bench/api-results.json; exits 1 when a"
            + " request failed")
    boolean api;

    @Option(names = "--clients", paramLabel = "C", description = "with --api: concurrent clients (default 200)")
    Integer clients;

    @Option(names = "--seconds", paramLabel = "S", description = "with --api: measured seconds of each phase, after a"
            + " warm-up of up to 5 (default 30)")
    Integer seconds;

    private final List<String> springProperties;

    /** {@code springProperties}: the {@code --spring.datasource.*=...} given on the command line win. */
    public BenchCommand(List<String> springProperties) {
        this.springProperties = List.copyOf(springProperties);
    }

    @Override
    public Integer call() throws Exception {
        if (api || clients != null || seconds != null) {
            long errors = new ApiBench(apiSettings(), Streams.printStream(spec.commandLine().getOut())).measure();
            return errors == 0 ? 0 : 1;
        }
        if (accounts != null || workers != null || accountRps != null) {
            new AccountsBench(accountsSettings(), Streams.printStream(spec.commandLine().getOut())).measure();
            return 0;
        }
        BenchSettings settings = settings();
        new Benchmark(settings, Streams.printStream(spec.commandLine().getOut())).measure();
        return 0;
    }

    BenchSettings settings() {
        String password = property("password", System.getenv("SPRING_DATASOURCE_PASSWORD"));
        if (password == null) {
            password = ConfigTree.read(System.getenv("SPRING_CONFIG_IMPORT"), "spring.datasource.password");
        }
        try {
            return new BenchSettings(containers, latencyMs, concurrency, only, repeat, historyDays,
                    property("url", System.getenv("SPRING_DATASOURCE_URL")),
                    property("username", System.getenv("SPRING_DATASOURCE_USERNAME")), password);
        }
        catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    ApiBenchSettings apiSettings() {
        if (!api) {
            throw new ParameterException(spec.commandLine(), "--clients and --seconds go with --api");
        }
        if (containers.size() != 1) {
            throw new ParameterException(spec.commandLine(), "with --api, --containers is one size, not a list");
        }
        String password = property("password", System.getenv("SPRING_DATASOURCE_PASSWORD"));
        if (password == null) {
            password = ConfigTree.read(System.getenv("SPRING_CONFIG_IMPORT"), "spring.datasource.password");
        }
        try {
            return new ApiBenchSettings(containers.get(0), clients == null ? 200 : clients,
                    seconds == null ? 30 : seconds, property("url", System.getenv("SPRING_DATASOURCE_URL")),
                    property("username", System.getenv("SPRING_DATASOURCE_USERNAME")), password);
        }
        catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    AccountsBenchSettings accountsSettings() {
        if (accounts == null) {
            throw new ParameterException(spec.commandLine(), "--workers and --account-rps go with --accounts M");
        }
        boolean sized = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--containers");
        if (sized && containers.size() != 1) {
            throw new ParameterException(spec.commandLine(), "with --accounts, --containers is one size (each"
                    + " account's fleet), not a list");
        }
        String password = property("password", System.getenv("SPRING_DATASOURCE_PASSWORD"));
        try {
            return new AccountsBenchSettings(accounts, workers == null ? 0 : workers,
                    accountRps == null ? AccountsBenchSettings.DEFAULT_ACCOUNT_RPS : accountRps,
                    sized ? containers.get(0) : 1_000, repeat, property("url", System.getenv("SPRING_DATASOURCE_URL")),
                    property("username", System.getenv("SPRING_DATASOURCE_USERNAME")), password, springProperties);
        }
        catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String property(String name, String otherwise) {
        String prefix = "--spring.datasource." + name + "=";
        return springProperties.stream().filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .reduce((first, last) -> last).orElse(otherwise);
    }
}
