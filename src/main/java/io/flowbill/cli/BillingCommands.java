package io.flowbill.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import io.flowbill.export.InvoiceSeller;
import io.flowbill.export.ManifestCheck;
import io.flowbill.metering.MeteringRange;
import io.flowbill.system.Streams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command lines of the billing commands; the work is done by the beans they name. */
final class BillingCommands {

    private BillingCommands() {
    }

    @Command(name = "nightly", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Meter the day's hours not metered yet, rate the day, refresh the month's draft invoice and"
                    + " write the exports (the default command).")
    static final class Nightly extends ContextCommand {

        @Mixin
        TenantOption tenant;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = OptionValues.Day.class,
                description = "the day in the billing zone; default: yesterday there")
        LocalDate date;

        /** A day given that is not over yet is refused from the settings alone (the lag, the billing zone). */
        @Override
        void check() {
            if (date != null) {
                DayOver.notOver(date, root.launcher().settings(), Clock.systemUTC()).ifPresent(notOver -> {
                    throw refused(notOver);
                });
            }
        }

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> {
                InvoiceSeller.require(context);
                return context.getBean(NightlyCommand.class).run(tenant.name, date, out,
                        spec.commandLine().getErr());
            };
        }
    }

    @Command(name = "meter", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Meter every clock hour of [from, to): inventory, then one flow call per container and hour.")
    static final class Meter extends ContextCommand {

        @Option(names = "--from", required = true, paramLabel = "INSTANT", converter = OptionValues.Moment.class,
                description = "first hour to meter, an ISO-8601 instant on a whole hour, e.g. 2026-11-25T00:00:00Z")
        Instant from;

        @Option(names = "--to", required = true, paramLabel = "INSTANT", converter = OptionValues.Moment.class,
                description = "end of the range (exclusive); its hour must be over, plus the metering lag")
        Instant to;

        @Option(names = "--refresh", description = "read the API again for hours already metered and record what"
                + " changed")
        boolean refresh;

        @Mixin
        TenantOption tenant;

        @Override
        void check() {
            range();
        }

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(MeterCommand.class).run(range(), refresh, tenant.name, out,
                    spec.commandLine().getErr());
        }

        private MeteringRange range() {
            try {
                return new MeteringRange(from, to);
            }
            catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
        }
    }

    @Command(name = "rate", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Rate one day again from stored usage, refresh the invoice it lands on and write the"
                    + " exports.")
    static final class Rate extends ContextCommand {

        @Mixin
        TenantOption tenant;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = OptionValues.Day.class,
                description = "the day in the billing zone")
        LocalDate date;

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> {
                InvoiceSeller.require(context);
                return context.getBean(RateCommand.class).run(tenant.name, date, out,
                        spec.commandLine().getErr());
            };
        }
    }

    @Command(name = "close", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Make the month's invoices FINAL (a last refresh first) and write them; later changes to the"
                    + " month become adjustments on the next open invoice. A month with unrated days is refused.")
    static final class Close extends ContextCommand {

        @Mixin
        TenantOption tenant;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", converter = OptionValues.Month.class,
                description = "the calendar month in the billing zone; it must be over")
        YearMonth month;

        @Option(names = "--force", description = "close even though some days of the month were never rated")
        boolean force;

        /** A month that is not over is refused from the settings alone (the price book's zone). */
        @Override
        void check() {
            DayOver.monthNotOver(month, root.launcher().settings(), Clock.systemUTC()).ifPresent(notOver -> {
                throw refused(notOver);
            });
        }

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> {
                InvoiceSeller.require(context);
                return context.getBean(CloseCommand.class).run(tenant.name, month, force, out, spec.commandLine().getErr());
            };
        }
    }

    @Command(name = "fleet", sortOptions = false, mixinStandardHelpOptions = true,
            description = "List the fleet through the container API and print containers by charge type, status and"
                    + " spec.")
    static final class Fleet extends ContextCommand {

        @Mixin
        TenantOption tenant;

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(FleetCommand.class).run(tenant.name, out, spec.commandLine().getErr());
        }
    }

    @Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Run until stopped: meter every hour, bill every day at flowbill.serve.nightly-cron, catch"
                    + " up after downtime; serve /actuator/prometheus, health and info over HTTP (port:"
                    + " --server.port=8080).")
    static final class Serve extends ContextCommand {

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> {
                InvoiceSeller.require(context);
                return context.getBean(ServeCommand.class).run();
            };
        }
    }

    @Command(name = "worker", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Run until stopped, taking partitions of the partitioned steps (rating, metering) from the"
                    + " RabbitMQ queue flowbill.cluster.requests-queue and running them against the shared PostgreSQL;"
                    + " needs flowbill.cluster.enabled=true, spring.rabbitmq.* and spring.datasource.url; health and"
                    + " /actuator/prometheus on management.server.port, 8081 (docs/scaling.md).")
    static final class Worker extends ContextCommand {

        /** A worker without the cluster or on the demo's own database could never get or share work: refused. */
        @Override
        void check() {
            WorkerSettings.refusal(root.launcher().settings()).ifPresent(reason -> {
                throw refused(reason);
            });
        }

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(WorkerCommand.class).run();
        }
    }

    @Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Rewrite a billed day's or month's files (CSV, report, manifest) from the database alone,"
                    + " byte-identical to what billing wrote, a month also as one zip; or check files or a zip against"
                    + " their manifests.")
    static final class Export extends ContextCommand {

        @Mixin
        TenantOption tenant;

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        /** Exactly one of these. */
        static final class What {

            @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = OptionValues.Day.class,
                    description = "a rated day: its charges, exceptions and report, its month's invoice")
            LocalDate date;

            @Option(names = "--month", paramLabel = "YYYY-MM", converter = OptionValues.Month.class,
                    description = "a billed month: every rated day of it and its invoice")
            YearMonth month;

            @Option(names = "--verify", paramLabel = "DIR",
                    description = "check every file the manifest.json files of this folder (or month pack) list (no"
                            + " database needed)")
            Path verify;
        }

        @Option(names = { "--key-file", "--public-key-file" }, paramLabel = "FILE",
                description = "with --verify: check every manifest's signature with this key (the Ed25519 public key"
                        + " as PEM, or the HMAC-SHA256 key the exports were signed with); a manifest without a"
                        + " signature fails")
        Path keyFile;

        @Option(names = "--zip", description = "with --month: also pack the month's files and manifests of every"
                + " tenant into flowbill-YYYY-MM.zip in the export folder (byte-identical on rerun; --verify checks it)")
        boolean zip;

        /** A pack is of a month: {@code --zip} without {@code --month} is refused before anything starts. */
        @Override
        void check() {
            if (zip && what.month == null) {
                throw refused("--zip packs a month: write it with --month, e.g. 'export --month 2026-11 --zip'");
            }
            if (keyFile != null && what.verify == null) {
                throw refused("--key-file checks signatures: use it with --verify, e.g. 'export --verify out"
                        + " --key-file verify.pem'; exports are signed with flowbill.export.signing-key-file");
            }
        }

        @Override
        public Integer call() {
            if (what.verify == null) {
                return super.call();
            }
            check();
            PrintStream out = Streams.printStream(spec.commandLine().getOut());
            PrintStream err = Streams.printStream(spec.commandLine().getErr());
            int exit = ManifestCheck.run(what.verify, keyFile, out, err);
            out.flush();
            err.flush();
            return exit;
        }

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> {
                InvoiceSeller.require(context);
                return what.date != null ? context.getBean(ExportCommand.class).day(tenant.name, what.date, out)
                        : context.getBean(ExportCommand.class).month(tenant.name, what.month, zip, out);
            };
        }
    }
}
