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
import io.flowbill.system.DemoMode;

/**
 * Bills one day from stored usage: rate it, refresh the invoice it lands on, report its figures as metrics, write
 * the exports (the day's files and the invoices published together).
 */
@Component
public class DayBilling {

    private final RatingService rating;
    private final InvoiceService invoices;
    private final ExportService exports;
    private final DayFiguresQuery figures;
    private final BillingMetrics metrics;
    private final boolean demo;

    DayBilling(RatingService rating, InvoiceService invoices, ExportService exports, DayFiguresQuery figures,
            BillingMetrics metrics, Environment environment) {
        this.rating = rating;
        this.invoices = invoices;
        this.exports = exports;
        this.figures = figures;
        this.metrics = metrics;
        this.demo = DemoMode.on(environment);
    }

    public DayReport bill(LocalDate date) throws Exception {
        RatedDay rated = rating.rate(date);
        List<InvoiceState> refreshed = invoices.refreshFor(date);
        metrics.dayBilled(date);
        List<Path> files = exports.writeDayAndInvoices(date, refreshed);
        return new DayReport(rated, refreshed, figures.of(date), files, demo);
    }
}
