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

import io.flowbill.accounts.Accounts;
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

    private final Accounts accounts;
    private final TenantOutcomes tenants;

    ExportCommand(ExportService exports, Accounts accounts, TenantOutcomes tenants, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * Rewrites a rated day's files of {@code tenant}, or of every account when it is null ({@link TenantOutcomes}); a day
     * never rated is refused (with one account selected a usage error, else that tenant's failure).
     */
    int day(String tenant, LocalDate date, PrintWriter out) throws Exception {
        return tenants.summaries(tenant, out, account -> {
            Instant started = clock.instant();
            if (!exports.isRated(account.tenant(), date)) {
                String refusal = "--date " + date + " was never rated for tenant " + account.tenant()
                        + ", so no export of it exists to rewrite; bill it first with 'nightly --date " + date
                        + "' or 'rate --date " + date + "'";
                throw accounts.select(tenant).size() == 1 ? new UsageException(refusal)
                        : new IllegalStateException(refusal);
            }
            return print("export " + date + " tenant " + account.tenant(),
                    exports.rewriteDay(account.tenant(), date), started);
        });
    }

    /** Rewrites a billed month's files; a month with no rated day and no invoice is refused. */
    int month(YearMonth month, PrintWriter out) throws Exception {
        return month(null, month, false, out);
    }

    /**
     * Rewrites a billed month's files and, with {@code zip}, packs them with their manifests into one archive;
     * a month with no rated day and no invoice is refused.
     */
    int month(String tenant, YearMonth month, boolean zip, PrintWriter out) throws Exception {
        Instant monthStarted = clock.instant();
        List<String> written = new ArrayList<>();
        int exit = tenants.summaries(tenant, out, account -> {
            Instant started = clock.instant();
            List<Path> files = exports.rewriteMonth(account.tenant(), month);
            if (files.isEmpty()) {
                return "export " + month + " tenant " + account.tenant() + ": no rated day and no invoice\n";
            }
            synchronized (written) {
                written.add(account.tenant());
            }
            return print("export " + month + " tenant " + account.tenant(), files, started);
        });
        if (written.isEmpty() && exit == FlowbillCli.EXIT_OK) {
            throw new UsageException("--month " + month + " has no rated day and no invoice, so no export of it"
                    + " exists to rewrite; choose a month that was billed");
        }
        if (zip && exit == FlowbillCli.EXIT_OK) {
            out.print(print("export " + month + " pack", List.of(exports.packMonth(month)), monthStarted));
            out.flush();
        }
        return exit;
    }

    private String print(String title, List<Path> files, Instant started) {
        StringBuilder text = new StringBuilder(title).append('\n');
        files.forEach(file -> text.append(String.format("  file              %s%n", file)));
        text.append(String.format("  elapsed           %.1f s%n",
                Duration.between(started, clock.instant()).toMillis() / 1000.0));
        return text.toString();
    }
}
