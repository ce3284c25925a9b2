package io.flowbill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;

/**
 * {@code export --date D | --month M}: rewrites the export files of a billed day or month from the database alone
 * (nothing is metered or rated), byte-identical to what the billing runs wrote from the same data. {@code export
 * --verify DIR} checks files against their manifests; it runs without the application context
 * ({@link BillingCommands.Export}). {@code export --month M --zip} also packs the month into one archive.
 */
@Component
class ExportCommand {

    private final ExportService exports;
    private final Clock clock;

    ExportCommand(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    /** Rewrites a rated day's files; a day never rated is refused. */
    int day(LocalDate date, PrintWriter out) {
        Instant started = clock.instant();
        if (!exports.isRated(date)) {
            throw new UsageException("--date " + date + " was never rated, so no export of it exists to rewrite;"
                    + " bill it first with 'nightly --date " + date + "' or 'rate --date " + date + "'");
        }
        return print("export " + date, exports.rewriteDay(date), started, out);
    }

    /** Rewrites a billed month's files; a month with no rated day and no invoice is refused. */
    int month(YearMonth month, PrintWriter out) {
        return month(month, false, out);
    }

    /**
     * Rewrites a billed month's files and, with {@code zip}, packs them with their manifests into one archive;
     * a month with no rated day and no invoice is refused.
     */
    int month(YearMonth month, boolean zip, PrintWriter out) {
        Instant started = clock.instant();
        List<Path> files = new ArrayList<>(exports.rewriteMonth(month));
        if (files.isEmpty()) {
            throw new UsageException("--month " + month + " has no rated day and no invoice, so no export of it"
                    + " exists to rewrite; choose a month that was billed");
        }
        if (zip) {
            files.add(exports.packMonth(month));
        }
        return print("export " + month, files, started, out);
    }

    private int print(String title, List<Path> files, Instant started, PrintWriter out) {
        out.println(title);
        files.forEach(file -> out.printf("  file              %s%n", file));
        out.printf("  elapsed           %.1f s%n", Duration.between(started, clock.instant()).toMillis() / 1000.0);
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}
