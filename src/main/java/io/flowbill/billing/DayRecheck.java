package io.flowbill.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.billing.BillingService.Recheck;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.RecheckSummary;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * For one tenant: reads pending traffic again (of the recheck period and of the day billed next), meters containers found late,
 * and bills again every rated day whose usage changed ({@link ChangedDays}), except the day billed next.
 */
@Component
class DayRecheck {

    private final MeteringService metering;
    private final DayBilling days;
    private final ChangedDays changed;
    private final BillingZone zone;

    DayRecheck(MeteringService metering, DayBilling days, ChangedDays changed, PriceBook book) {
        this.metering = metering;
        this.days = days;
        this.changed = changed;
        this.zone = book.zone();
    }

    /** {@code billingNext}: the day the caller bills next, or null for none. */
    Recheck recheck(String tenant, LocalDate billingNext) throws Exception {
        RecheckSummary summary = metering.recheck(tenant, billingNext == null ? null : DayRange.of(zone, billingNext));
        List<DayReport> rebilled = new ArrayList<>();
        for (LocalDate day : changed.due(tenant, zone)) {
            if (!day.equals(billingNext)) {
                rebilled.add(days.bill(tenant, day));
            }
        }
        return new Recheck(summary, rebilled);
    }
}
