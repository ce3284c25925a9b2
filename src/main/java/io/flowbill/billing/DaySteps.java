package io.flowbill.billing;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * The work of {@code dayBillingJob}'s steps, in their order; each leaves what it did in the job's context
 * ({@link DayContext}). Metering and rating run their own jobs through {@code JobRunner}, each under its own lock
 * ({@code metering:<range>}, {@code recheck:<tenant>}, {@code rating:<tenant>:<day>}); every step works on the job's {@code tenant} only, exactly as they do when run alone.
 */
@Component
class DaySteps {

    private final MeteringService metering;
    private final DayRecheck recheck;
    private final DayBilling days;
    private final BillingZone zone;

    DaySteps(MeteringService metering, DayRecheck recheck, DayBilling days, PriceBook book) {
        this.metering = metering;
        this.recheck = recheck;
        this.days = days;
        this.zone = book.zone();
    }

    /** {@code dayMeteringStep}: meters the day's hours not metered yet ({@code meteringJob}). */
    void meter(String tenant, LocalDate day, ExecutionContext job) throws Exception {
        job.putString(DayContext.METERING, metering.meter(tenant, DayRange.of(zone, day), false).render());
    }

    /** {@code recheckStep}: pending traffic read again, containers found late metered, changed days billed again. */
    void recheck(String tenant, LocalDate day, ExecutionContext job) throws Exception {
        job.putString(DayContext.RECHECK, recheck.recheck(tenant, day).render());
    }

    /** {@code dayRatingStep}: rates the day from stored usage ({@code ratingJob}). */
    void rate(String tenant, LocalDate day, ExecutionContext job) throws Exception {
        job.putString(DayContext.CHANGES_SEEN, days.changesSeen());
        DayContext.putRated(job, days.rate(tenant, day));
    }

    /** {@code invoiceStep}: refreshes the tenant's invoice the day lands on; the day's figures as metrics. */
    void invoice(String tenant, LocalDate day, ExecutionContext job) {
        DayContext.putInvoices(job, days.refreshInvoices(tenant, day));
    }

    /** {@code exportStep}: writes the day's files and the refreshed invoices, published together. */
    void export(String tenant, LocalDate day, ExecutionContext job) {
        DayContext.putFiles(job, days.export(tenant, day, DayContext.invoices(job),
                DayContext.required(job, DayContext.CHANGES_SEEN)));
    }
}
