package io.flowbill.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every command flowbill knows, in the order {@code --help} lists them. */
final class CommandCatalog {

    static final String DEFAULT_COMMAND = "nightly";

    static final List<CommandSpec> COMMANDS = List.of(
            new CommandSpec("nightly", "nightly [--date 2026-11-25]",
                    "Meter the day's hours not metered yet, rate the day, refresh the month's draft invoice and write"
                            + " the exports (the default command).",
                    Map.of("date", "the day in the billing zone, YYYY-MM-DD; default: yesterday there"),
                    NightlyCommand::checkArguments),
            new CommandSpec("rate", "rate --date 2026-11-25",
                    "Rate one day again from stored usage, refresh the invoice it lands on and write the exports.",
                    Map.of("date", "the day in the billing zone, YYYY-MM-DD"),
                    RateCommand::checkArguments),
            new CommandSpec("close", "close --month 2026-11 [--force]",
                    "Make the month's invoices FINAL (a last refresh first) and write them; later changes to the"
                            + " month become adjustments on the next open invoice. A month with unrated days is"
                            + " refused.",
                    Map.of("month", "the calendar month in the billing zone, YYYY-MM; it must be over",
                            "force", "close even though some days of the month were never rated"),
                    CloseCommand::checkArguments),
            new CommandSpec("export", "export --date 2026-11-25 | --month 2026-11 | --verify DIR",
                    "Rewrite a billed day's or month's files (CSV, report, manifest) from the database alone,"
                            + " byte-identical to what billing wrote; or check files against their manifests.",
                    Map.of("date", "a rated day, YYYY-MM-DD: its charges, exceptions and report, its month's invoice",
                            "month", "a billed month, YYYY-MM: every rated day of it and its invoice",
                            "verify", "a folder: check every file its manifest.json files list (no database needed)"),
                    ExportCommand::checkArguments),
            new CommandSpec("fleet", "fleet",
                    "List the fleet through the container API and print containers by charge type, status and spec.",
                    Map.of()),
            new CommandSpec("meter", "meter --from 2026-11-25T00:00:00Z --to 2026-11-26T00:00:00Z [--refresh]",
                    "Meter every clock hour of [from, to): inventory, then one flow call per container and hour.",
                    Map.of("from", "first hour to meter, an ISO-8601 instant on a whole hour",
                            "to", "end of the range (exclusive); its hour must be over, plus the metering lag",
                            "refresh", "read the API again for hours already metered and record what changed"),
                    MeterCommand::range),
            new CommandSpec("serve", "serve [--server.port=8080]",
                    "Run until stopped: meter every hour, bill every day at flowbill.serve.nightly-cron, catch up after"
                            + " downtime; serve /actuator/prometheus, health and info over HTTP.",
                    Map.of()),
            new CommandSpec("price-book", "price-book check FILE",
                    "Validate a price book file and list its versions; nothing else starts.",
                    Map.of()),
            new CommandSpec("bench", "bench [--containers 100000] [--latency-ms 0] [--concurrency 64]",
                    "Measure flowbill against the API and database bounds; prints a table, writes target/bench/results.json.",
                    passThrough()),
            new CommandSpec("sandbox", "sandbox [--port 8089] [--containers 1000] [--seed 7] [...]",
                    "Run the simulated container API standalone; 'sandbox --help' lists its options.",
                    passThrough()));

    private CommandCatalog() {
    }

    static Optional<CommandSpec> find(String name) {
        return COMMANDS.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    static String help() {
        StringBuilder text = new StringBuilder("""
                flowbill: metering and billing for a container cloud

                usage: java -jar flowbill.jar [COMMAND] [OPTIONS] [--spring.property=value ...]

                commands:
                """);
        for (CommandSpec spec : COMMANDS) {
            text.append(String.format("  %-12s %s%n", spec.name(), spec.description()));
        }
        text.append("""

                'java -jar flowbill.jar COMMAND --help' shows a command's options.
                Configuration comes from environment variables (FLOWBILL_API_BASE_URL, SPRING_DATASOURCE_URL, ...),
                an application.yml beside the jar, or --flowbill.x.y=value arguments; see README.md.
                """);
        return text.toString();
    }

    private static Map<String, String> passThrough() {
        return new LinkedHashMap<>();
    }
}
