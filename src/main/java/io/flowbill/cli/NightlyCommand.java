package io.flowbill.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.flowbill.billing.BillingService;
import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.BillingZone;
import io.flowbill.system.Partitions;

/**
 * {@code nightly [--date D]} (the default command): meters the hours of the day in the billing zone that are not
 * metered yet, rechecks the last days (pending traffic, containers found late) and bills again the days that
 * changed, rates the day, refreshes the invoice it lands on, writes the exports and prints a summary. The
 * default day is yesterday in the zone, whose hours are over (in the metering lag's first minutes after midnight,
 * the day before it). At the end it gathers the statistics of the partitioned tables as a whole
 * ({@link Partitions#analyzeAfterBilling()}).
 */
@Component
class NightlyCommand {

    private final MeteringProperties meteringSettings;
    private final BillingService billing;
    private final BillingZone zone;
    private final Clock clock;

    private final TenantOutcomes tenants;
    private final Partitions partitions;

    NightlyCommand(MeteringProperties meteringSettings, BillingService billing, TenantOutcomes tenants,
            Partitions partitions, Clock clock) {
        this.tenants = tenants;
        this.partitions = partitions;
        this.meteringSettings = meteringSettings;
        this.billing = billing;
        this.zone = billing.zone();
        this.clock = clock;
    }

    /**
     * Bills {@code day}, or yesterday in the billing zone when it is null, of {@code tenant} or, when it is null, of
     * every account ({@link TenantOutcomes}), and prints each tenant's summary to {@code out}.
     */
    int run(String tenant, LocalDate day, PrintWriter out) throws Exception {
        return run(tenant, day, out, null);
    }

    /** The same, each failed tenant's line also on {@code err} (when not null). */
    int run(String tenant, LocalDate day, PrintWriter out, PrintWriter err) throws Exception {
        Instant started = clock.instant();
        // yesterday, counted from the settled past: in the lag's first minutes after midnight that is the day before
        LocalDate date = day != null ? day : zone.yesterday(started.minus(meteringSettings.lag()));
        DayOver.notOver(date, started, meteringSettings.lag(), zone).ifPresent(notOver -> {
            throw new UsageException(notOver);
        });
        int exit = tenants.summaries("nightly", tenant, out, err,
                account -> billing.nightly(account.tenant(), date).render());
        partitions.analyzeAfterBilling();
        return exit;
    }
}
