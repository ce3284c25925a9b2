package io.flowbill.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;

/**
 * {@code export --date D | --month M}: rewrites the export files of a billed day or month from the database alone
 * (nothing is metered or rated), byte-identical to what the billing runs wrote from the same data. {@code export
 * --verify DIR} checks files against their manifests; it runs without the application context
 * ({@link FlowbillCli}).
 */
@Component
class ExportCommand implements FlowbillCommand {

    private final ExportService exports;
    private final Clock clock;

    ExportCommand(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "export";
    }

    /** Requires exactly one of {@code --date}, {@code --month} and {@code --verify}, well formed. */
    static void checkArguments(CommandArgs args) {
        long given = List.of("date", "month", "verify").stream().filter(name -> args.option(name).isPresent()).count();
        if (given != 1) {
            throw new UsageException("give one of --date 2026-11-25, --month 2026-11 or --verify DIR");
        }
        if (args.option("date").isPresent()) {
            CommandDates.requiredDate(args);
        }
        if (args.option("month").isPresent()) {
            CommandDates.requiredMonth(args);
        }
        if (args.option("verify").map(dir -> dir.isBlank() || dir.equals("true")).orElse(false)) {
            throw new UsageException("--verify needs a folder, e.g. --verify out/default/2026-11");
        }
    }

    @Override
    public int run(CommandArgs args) {
        Instant started = clock.instant();
        List<Path> files;
        String title;
        if (args.option("date").isPresent()) {
            LocalDate date = CommandDates.requiredDate(args);
            if (!exports.isRated(date)) {
                throw new UsageException("--date " + date + " was never rated, so no export of it exists to rewrite;"
                        + " bill it first with 'nightly --date " + date + "' or 'rate --date " + date + "'");
            }
            files = exports.rewriteDay(date);
            title = "export " + date;
        }
        else {
            YearMonth month = CommandDates.requiredMonth(args);
            files = exports.rewriteMonth(month);
            if (files.isEmpty()) {
                throw new UsageException("--month " + month + " has no rated day and no invoice, so no export of it"
                        + " exists to rewrite; choose a month that was billed");
            }
            title = "export " + month;
        }
        System.out.println(title);
        files.forEach(file -> System.out.printf("  file              %s%n", file));
        System.out.printf("  elapsed           %.1f s%n", Duration.between(started, clock.instant()).toMillis() / 1000.0);
        return FlowbillCli.EXIT_OK;
    }
}
