package io.flowbill.billing;

import java.time.LocalDate;

import io.flowbill.metering.MeteringRange;
import io.flowbill.pricing.BillingZone;

/** The hours of a day in the billing zone, as a metering range. */
final class DayRange {

    private DayRange() {
    }

    static MeteringRange of(BillingZone zone, LocalDate day) {
        return new MeteringRange(zone.startOf(day), zone.startOf(day.plusDays(1)));
    }
}
