package io.flowbill.billing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.DayFiguresQuery;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.metrics.BillingMetrics;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.DemoMode;

/**
 * Bills one tenant's day from stored usage, in three parts that {@code dayBillingJob} runs as its steps: rate it
 * ({@code ratingJob}), refresh the invoice it lands on and report its figures as metrics, write the exports (the
 * day's files and the invoices published together) and forget the day's usage changes.
 */
@Component
class DayBilling {

    private final RatingService rating;
    private final InvoiceService invoices;
    private final ExportService exports;
    private final DayFiguresQuery figures;
    private final BillingMetrics metrics;
    private final ChangedDays changed;
    private final BillingZone zone;
    private final boolean demo;

    DayBilling(RatingService rating, InvoiceService invoices, ExportService exports, DayFiguresQuery figures,
            BillingMetrics metrics, ChangedDays changed, PriceBook book, Environment environment) {
        this.rating = rating;
        this.invoices = invoices;
        this.exports = exports;
        this.figures = figures;
        this.metrics = metrics;
        this.changed = changed;
        this.zone = book.zone();
        this.demo = DemoMode.on(environment);
    }

    /** All three parts for the tenant's day, as {@code rate} and the recheck bill a day. */
    DayReport bill(String tenant, LocalDate date) throws Exception {
        String seen = changesSeen();
        RatedDay rated = rate(tenant, date);
        List<InvoiceState> refreshed = refreshInvoices(tenant, date);
        return report(rated, refreshed, export(tenant, date, refreshed, seen));
    }

    /** Taken before a day is rated: the usage changes its billing may forget afterwards. */
    String changesSeen() {
        return changed.snapshot();
    }

    RatedDay rate(String tenant, LocalDate date) throws Exception {
        return rating.rate(tenant, date);
    }

    List<InvoiceState> refreshInvoices(String tenant, LocalDate date) {
        List<InvoiceState> refreshed = List.of(invoices.refreshFor(tenant, date));
        metrics.dayBilled(date);
        return refreshed;
    }

    /** Writes the exports; the day's usage changes that its rating saw ({@link #changesSeen}) are then billed. */
    List<Path> export(String tenant, LocalDate date, List<InvoiceState> refreshed, String seen) {
        List<Path> files = exports.writeDayAndInvoices(tenant, date, refreshed);
        changed.billed(tenant, date, zone, seen);
        return files;
    }

    DayReport report(RatedDay rated, List<InvoiceState> refreshed, List<Path> files) {
        return new DayReport(rated, refreshed, figures.of(rated.tenant(), rated.date()), files, demo);
    }
}
