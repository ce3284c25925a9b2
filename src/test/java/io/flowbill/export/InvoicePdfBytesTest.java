package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The exact bytes of {@code invoice-<YYYY-MM>.pdf} for the November fixture, pinned by their SHA-256: a change in how
 * the PDF is made (fonts, reuse of objects between documents, a library upgrade) shows here before a FINAL invoice
 * that was already sent gets different bytes.
 */
class InvoicePdfBytesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final String FINAL_SHA256 = "f9a6ff567e703aa5ab19a1042d934646d86a58c98d33ed70417b44d50e82f8cb";

    private static final String DRAFT_SHA256 = "d04902c63528dada7c62e62dfb2cb4cd6ae94b2c81e58bb2f3ad945f4c54259f";

    @Test
    void writesThePinnedBytesForAFinalAndADraftInvoice() {
        InvoicePdf pdf = new InvoicePdf();

        assertThat(sha256(pdf, Invoices.november("FINAL"))).as("FINAL invoice, first document").isEqualTo(FINAL_SHA256);
        assertThat(sha256(pdf, Invoices.november("DRAFT"))).as("DRAFT invoice, second document").isEqualTo(DRAFT_SHA256);
    }

    @Test
    void writesTheSameBytesWhenOneWriterMakesManyDocuments() {
        InvoicePdf shared = new InvoicePdf();
        for (int i = 0; i < 3; i++) {
            sha256(shared, Invoices.november(i % 2 == 0 ? "DRAFT" : "FINAL"));
        }

        assertThat(sha256(shared, Invoices.november("FINAL"))).as("FINAL after three documents")
                .isEqualTo(sha256(new InvoicePdf(), Invoices.november("FINAL"))).isEqualTo(FINAL_SHA256);
        assertThat(sha256(shared, Invoices.november("DRAFT"))).as("DRAFT after four documents")
                .isEqualTo(DRAFT_SHA256);
    }

    private static String sha256(InvoicePdf pdf, InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(invoice, "page".getBytes(StandardCharsets.UTF_8), SHANGHAI, out);
        return HexFormat.of().formatHex(AtomicFile.sha256().digest(out.toByteArray()));
    }
}
