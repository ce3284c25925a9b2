package io.flowbill.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * {@code nightly [--date D]} (the default command): meters the hours of the day in the billing zone that are not
 * metered yet, rates the day, refreshes the invoice it lands on, writes the exports and prints a summary. The
 * default day is yesterday in the zone, whose hours are over (in the metering lag's first minutes after midnight,
 * the day before it).
 */
@Component
class NightlyCommand implements FlowbillCommand {

    private final MeteringService metering;
    private final MeteringProperties meteringSettings;
    private final DayBilling billing;
    private final BillingZone zone;
    private final Clock clock;

    NightlyCommand(MeteringService metering, MeteringProperties meteringSettings, DayBilling billing, PriceBook book,
            Clock clock) {
        this.metering = metering;
        this.meteringSettings = meteringSettings;
        this.billing = billing;
        this.zone = book.zone();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "nightly";
    }

    /** Refuses a {@code --date} that is not a calendar day, before anything starts. */
    static void checkArguments(CommandArgs args) {
        CommandDates.date(args);
    }

    @Override
    public int run(CommandArgs args) throws Exception {
        Instant started = clock.instant();
        // yesterday, counted from the settled past: in the lag's first minutes after midnight that is the day before
        LocalDate date = CommandDates.date(args).orElseGet(() -> zone.yesterday(started.minus(meteringSettings.lag())));
        MeteringRange range = new MeteringRange(zone.startOf(date), zone.startOf(date.plusDays(1)));
        Instant settled = range.to().plus(meteringSettings.lag());
        if (started.isBefore(settled)) {
            throw new UsageException("--date " + date + " is not over yet: its last hour ends at "
                    + range.to().atZone(zone.id()).toOffsetDateTime() + " and can be metered from "
                    + settled.atZone(zone.id()).toOffsetDateTime() + " (the metering lag is "
                    + meteringSettings.lag().toMinutes() + " minutes); choose an earlier day");
        }
        MeteringSummary metered = metering.meter(range, false);
        System.out.print(metered.render());
        DayReport report = billing.bill(date);
        System.out.print(report.render("nightly " + date + " (" + zone.id() + ", " + range.from() + " .. " + range.to()
                + ")", Duration.between(started, clock.instant())));
        return FlowbillCli.EXIT_OK;
    }
}
