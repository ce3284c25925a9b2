package io.flowbill.billing;

import java.time.Duration;
import java.time.LocalDate;

import io.flowbill.billing.BillingService.Recheck;
import io.flowbill.metering.MeteringSummary;
import io.flowbill.pricing.BillingZone;

/** What a nightly billing did: the day's metering, the recheck and the days billed again, the day's bill. */
public record NightlyReport(LocalDate day, BillingZone zone, MeteringSummary metered, Recheck recheck, DayReport report,
        Duration elapsed) {

    /** The summary {@code nightly} prints and {@code serve} logs. */
    public String render() {
        StringBuilder text = new StringBuilder(metered.render());
        text.append(recheck.render());
        text.append(report.render("nightly " + day + " (" + zone.id() + ", " + metered.range().from() + " .. "
                + metered.range().to() + ")", elapsed));
        return text.toString();
    }
}
