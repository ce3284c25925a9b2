package io.flowbill.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;
import io.flowbill.metering.RecheckSummary;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * The one owner of "bill a day": meter what is due, read pending traffic again and meter containers found late
 * (the recheck), bill again every rated day whose usage changed, then rate the day, refresh the invoice it lands on
 * and write the exports. {@code nightly}, {@code rate} and {@code serve} call it.
 */
@Service
public class BillingService {

    private final MeteringService metering;
    private final DayBilling days;
    private final ChangedDays changed;
    private final BillingZone zone;
    private final Clock clock;

    BillingService(MeteringService metering, DayBilling days, ChangedDays changed, PriceBook book, Clock clock) {
        this.metering = metering;
        this.days = days;
        this.changed = changed;
        this.zone = book.zone();
        this.clock = clock;
    }

    public BillingZone zone() {
        return zone;
    }

    /** The hours of a day in the billing zone. */
    public MeteringRange rangeOf(LocalDate day) {
        return new MeteringRange(zone.startOf(day), zone.startOf(day.plusDays(1)));
    }

    /** What {@code nightly --date DAY} does: meter the day, recheck, bill changed days again, bill the day. */
    public NightlyReport nightly(LocalDate day) throws Exception {
        Instant started = clock.instant();
        MeteringSummary metered = metering.meter(rangeOf(day), false);
        Recheck recheck = recheck(day);
        DayReport report = bill(day);
        return new NightlyReport(day, zone, metered, recheck, report, Duration.between(started, clock.instant()));
    }

    /**
     * Reads pending traffic again (of the recheck period and of {@code billingNext}), meters containers found late,
     * and bills again every rated day whose usage changed (except {@code billingNext}, which the caller bills next;
     * null for none).
     */
    public Recheck recheck(LocalDate billingNext) throws Exception {
        RecheckSummary summary = metering.recheck(billingNext == null ? null : rangeOf(billingNext));
        List<DayReport> rebilled = new ArrayList<>();
        for (LocalDate day : changed.due(zone)) {
            if (!day.equals(billingNext)) {
                rebilled.add(bill(day));
            }
        }
        return new Recheck(summary, rebilled);
    }

    /** Rates a day from stored usage, refreshes its invoice, writes its exports; its usage changes are then billed. */
    public DayReport bill(LocalDate day) throws Exception {
        DayReport report = days.bill(day);
        changed.billed(day, zone);
        return report;
    }

    /** What a recheck read again and which days it billed again. */
    public record Recheck(RecheckSummary metering, List<DayReport> rebilled) {

        public String render() {
            StringBuilder text = new StringBuilder(metering.render());
            text.append(String.format("re-rated          %s%n", rebilled.isEmpty() ? "none"
                    : String.join(", ", rebilled.stream().map(r -> r.rated().date().toString()).toList())));
            return text.toString();
        }
    }
}
