package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** {@code invoice-<YYYY-MM>.pdf}: its text as PDFBox extracts it, its DRAFT mark, and the same bytes every time. */
class InvoicePdfTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void printsTheNumberPeriodPartiesLinesAndTotalsIncludingChineseText() throws IOException {
        String text = text(pdf(Invoices.november("FINAL")));

        assertThat(text).contains("Invoice acme-202611", "Period 2026-11-01 to 2026-11-30", "status FINAL",
                "蜂巢云计算有限公司", "杭州市滨江区", "Acme 有限公司", "小型 (spec 10)", "compute", "traffic_out",
                "package_overage", "Subtotal compute 1.44", "2026-10", "0.80", "Subtotal 48.13 CNY",
                "Tax 6 % (fixture-2026-11-25-noon) 2.89 CNY", "Total 51.02 CNY").doesNotContain("DRAFT");
    }

    @Test
    void marksADraftOnEveryPage() throws IOException {
        String text = text(pdf(Invoices.november("DRAFT")));

        assertThat(text).contains("status DRAFT", "DRAFT: recomputed by every billing run");
        assertThat(text.split("DRAFT", -1).length - 1).as("DRAFT in the text: status, note, the mark").isGreaterThan(2);
    }

    @Test
    void writesTheSameBytesEveryTimeWithDatesOfThePeriodAndAnIdFromTheContent() throws IOException {
        byte[] first = pdf(Invoices.november("DRAFT"));

        byte[] again = pdf(Invoices.november("DRAFT"));

        assertThat(again).as("bytes of a second rendering").isEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .as("creation date: the first instant after November in Shanghai")
                    .isEqualTo(java.time.Instant.parse("2026-11-30T16:00:00Z"));
            assertThat(document.getDocumentInformation().getModificationDate().toInstant())
                    .isEqualTo(java.time.Instant.parse("2026-11-30T16:00:00Z"));
        }
        String raw = new String(first, StandardCharsets.ISO_8859_1);
        byte[] other = pdf(Invoices.november("DRAFT"), "another page".getBytes(StandardCharsets.UTF_8));
        assertThat(raw).contains("/ID [");
        assertThat(other).as("a different content gives a different document id").isNotEqualTo(first);
    }

    private static byte[] pdf(InvoiceDocument invoice) {
        return pdf(invoice, "page".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pdf(InvoiceDocument invoice, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InvoicePdf().write(invoice, content, SHANGHAI, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }
}
