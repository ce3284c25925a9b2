package io.flowbill.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.flowbill.billing.BillingService;
import io.flowbill.billing.DayReport;

/**
 * {@code rate --date D}: rates one day again from stored usage (nothing is fetched), refreshes the invoice it
 * lands on (adjustments when its month is closed) and writes the exports, under the day's billing lock: while a
 * {@code nightly} of the day runs it waits (up to {@code flowbill.jobs.lock-wait}) or refuses in one line, and a day
 * whose metering has not completed is refused.
 */
@Component
class RateCommand {

    private final BillingService billing;
    private final Clock clock;

    private final TenantOutcomes tenants;

    RateCommand(BillingService billing, TenantOutcomes tenants, Clock clock) {
        this.tenants = tenants;
        this.billing = billing;
        this.clock = clock;
    }

    /** Rates the day of {@code tenant}, or of every account when it is null ({@link TenantOutcomes}). */
    int run(String tenant, LocalDate date, PrintWriter out) throws Exception {
        return run(tenant, date, out, null);
    }

    /** The same, each failed tenant's line also on {@code err} (when not null). */
    int run(String tenant, LocalDate date, PrintWriter out, PrintWriter err) throws Exception {
        return tenants.summaries("rate", tenant, out, err, account -> {
            Instant started = clock.instant();
            DayReport report = billing.rate(account.tenant(), date);
            return report.render("rate " + date, Duration.between(started, clock.instant()));
        });
    }
}
