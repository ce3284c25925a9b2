package io.flowbill.billing;

import java.time.Duration;
import java.time.LocalDate;

import io.flowbill.pricing.BillingZone;

/**
 * What a nightly billing did: the day's metering and the recheck (as their summaries, kept by
 * {@code dayBillingJob} for a restart that skips them), the day's bill.
 */
public record NightlyReport(LocalDate day, BillingZone zone, String metering, String recheck, DayReport report,
        Duration elapsed) {

    /** The summary {@code nightly} prints and {@code serve} logs. */
    public String render() {
        return metering + recheck + report.render("nightly " + day + " (" + zone.id() + ", " + zone.startOf(day)
                + " .. " + zone.startOf(day.plusDays(1)) + ")", elapsed);
    }
}
