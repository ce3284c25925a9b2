package io.flowbill.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.DayFiguresQuery;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;

/** Bills one day from stored usage: rate it, refresh the invoice it lands on, write the exports. */
@Component
class DayBilling {

    private final RatingService rating;
    private final InvoiceService invoices;
    private final ExportService exports;
    private final DayFiguresQuery figures;

    DayBilling(RatingService rating, InvoiceService invoices, ExportService exports, DayFiguresQuery figures) {
        this.rating = rating;
        this.invoices = invoices;
        this.exports = exports;
        this.figures = figures;
    }

    DayReport bill(LocalDate date) throws Exception {
        RatedDay rated = rating.rate(date);
        List<InvoiceState> refreshed = invoices.refreshFor(date);
        List<Path> files = new ArrayList<>(exports.writeDay(date));
        files.addAll(exports.writeInvoices(refreshed));
        return new DayReport(rated, refreshed, figures.of(date), files);
    }
}
