package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The pages of {@code invoice-<YYYY-MM>.pdf} as PDFBox reads them back: {@code Page X of Y} at the foot of each, and
 * subtotal, tax and total on one page whatever the number of lines before them.
 */
class InvoicePdfPagesTest {

    private static final InvoicePdf PDF = new InvoicePdf();

    @Test
    void printsPageXOfYOnEveryPage() throws IOException {
        List<String> pages = pages(pdf(Invoices.withComputeLines("FINAL", 120)));

        assertThat(pages).as("pages of an invoice of 120 lines").hasSizeGreaterThan(2);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i + 1)
                    .contains("Page " + (i + 1) + " of " + pages.size(), "Invoice acme-202611");
        }
    }

    /**
     * Before the totals were kept together, 23 lines (and 85) left the total alone at the top of the last page, its
     * subtotal and tax on the page before; the dates line moved the page end by a few lines, so every count whose
     * last lines reach the first page's end is tried: 14 to 30 lines.
     */
    @Test
    void keepsSubtotalTaxTotalAndPaymentOnTheLastPageWhereverThePageEnds() throws IOException {
        Set<Integer> pageCounts = new TreeSet<>();
        for (int lines = 14; lines <= 30; lines++) {
            InvoiceDocument invoice = Invoices.withComputeLines("FINAL", lines);
            List<String> pages = pages(pdf(invoice));
            pageCounts.add(pages.size());

            String total = "Total " + invoice.header().total() + " CNY";
            int page = pageWith(pages, total);
            assertThat(page).as("the page of the total, %d lines", lines).isEqualTo(pages.size());
            assertThat(pages.get(page - 1)).as("page %d of %d, %d lines", page, pages.size(), lines).contains(
                    "Subtotal " + invoice.header().subtotal() + " CNY",
                    "Tax 6 % (fixture-2026-11-25-noon) " + invoice.header().tax() + " CNY", "Payment",
                    "Written by flowbill.");
        }
        assertThat(pageCounts).as("page counts: the lines crossed a page end").containsExactly(1, 2);
    }

    /** The 1-based number of the one page whose text holds {@code text}. */
    static int pageWith(List<String> pages, String text) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                found.add(i + 1);
            }
        }
        assertThat(found).as("pages with '%s'", text).hasSize(1);
        return found.get(0);
    }

    static byte[] pdf(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PDF.write(invoice, "page".getBytes(StandardCharsets.UTF_8), Invoices.SHANGHAI, out);
        return out.toByteArray();
    }

    /** The text of each page, spaces and tabs collapsed. */
    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("[ \\t]+", " "));
            }
            return pages;
        }
    }
}
