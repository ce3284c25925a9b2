package io.flowbill.export;

import java.time.YearMonth;
import java.util.Locale;

/** The three files an invoice or a credit note is exported as. */
public enum DocumentFormat {
    CSV, HTML, PDF;

    /** The file name extension, {@code csv}, {@code html} or {@code pdf}. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The invoice file of the month in this format, e.g. {@code invoice-2026-11.pdf}. */
    String invoiceFileName(YearMonth month) {
        return switch (this) {
            case CSV -> InvoiceExport.fileName(month);
            case HTML -> InvoicePage.fileName(month);
            case PDF -> InvoicePdf.fileName(month);
        };
    }
}
