package io.flowbill.export;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * An invoice as a document for the customer ({@code invoice-<YYYY-MM>.html} and {@code .pdf}): header, parties, the
 * lines of {@code invoice-<YYYY-MM>.csv} summed over the tenant's containers per item, spec, tier, price version and
 * unit price, the adjustments per month corrected, and subtotal, tax and total as the invoice table holds them.
 *
 * @param sections    the usage lines (daily items), then the month-level lines, each grouped by item
 * @param adjustments corrections of closed months, per month
 * @param csvLines    the lines of {@code invoice-<YYYY-MM>.csv} before its tax line
 * @param demoNote    the demo's banner text; null outside the demo
 * @param terms       issue date, due date and the account to pay into
 */
record InvoiceDocument(InvoiceHeader header, InvoiceProperties.Party seller, InvoiceProperties.Party buyer,
        List<Section> sections, List<Adjustment> adjustments, long csvLines, String demoNote, InvoiceTerms terms) {

    InvoiceDocument {
        Objects.requireNonNull(header, "header");
        sections = List.copyOf(sections);
        adjustments = List.copyOf(adjustments);
        Objects.requireNonNull(terms, "terms");
    }

    /** A document with the default terms and no account to pay into (a caller that has no settings). */
    InvoiceDocument(InvoiceHeader header, InvoiceProperties.Party seller, InvoiceProperties.Party buyer,
            List<Section> sections, List<Adjustment> adjustments, long csvLines, String demoNote) {
        this(header, seller, buyer, sections, adjustments, csvLines, demoNote,
                new InvoiceTerms(null, InvoiceProperties.DEFAULT_PAYMENT_TERMS_DAYS, null));
    }

    /** The lines of one part of the invoice ({@code Usage} or {@code Month-level charges}), grouped by item. */
    record Section(String title, List<ItemGroup> items) {

        Section {
            items = List.copyOf(items);
        }
    }

    /** One item's lines and their subtotal. */
    record ItemGroup(String item, List<Line> lines, BigDecimal subtotal) {

        ItemGroup {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A document line: what the CSV lines of one item, charge type, spec, tier, price version and unit price add up
     * to over the tenant's containers.
     */
    record Line(String description, String priceVersion, long containers, BigDecimal quantity, String unit,
            BigDecimal unitPrice, BigDecimal amount) {
    }

    /** What the adjustments correcting one closed month add up to. */
    record Adjustment(YearMonth corrects, long containers, BigDecimal amount) {
    }
}
