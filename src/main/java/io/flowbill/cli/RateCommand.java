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
 * lands on (adjustments when its month is closed) and writes the exports.
 */
@Component
class RateCommand {

    private final BillingService billing;
    private final Clock clock;

    RateCommand(BillingService billing, Clock clock) {
        this.billing = billing;
        this.clock = clock;
    }

    int run(LocalDate date, PrintWriter out) throws Exception {
        Instant started = clock.instant();
        DayReport report = billing.bill(date);
        out.print(report.render("rate " + date, Duration.between(started, clock.instant())));
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}
