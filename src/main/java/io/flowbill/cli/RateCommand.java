package io.flowbill.cli;

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
class RateCommand implements FlowbillCommand {

    private final BillingService billing;
    private final Clock clock;

    RateCommand(BillingService billing, Clock clock) {
        this.billing = billing;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rate";
    }

    /** Requires {@code --date} as a calendar day, before anything starts. */
    static void checkArguments(CommandArgs args) {
        CommandDates.requiredDate(args);
    }

    @Override
    public int run(CommandArgs args) throws Exception {
        Instant started = clock.instant();
        LocalDate date = CommandDates.requiredDate(args);
        DayReport report = billing.bill(date);
        System.out.print(report.render("rate " + date, Duration.between(started, clock.instant())));
        return FlowbillCli.EXIT_OK;
    }
}
