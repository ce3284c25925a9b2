package io.flowbill.api;

import java.time.YearMonth;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.flowbill.export.DocumentFormat;
import io.flowbill.export.ExportService;

/**
 * A tenant's invoices and credit notes by number, and their files, for the API and the portal alike: the tenant is
 * checked, then the document looked up (a missing one, or one of another tenant, is the same 404), and its bytes are
 * those the export writes ({@link ExportService#invoiceFile}, {@link ExportService#creditNoteFile}), rendered when
 * read.
 */
@Component
public class DocumentFiles {

    /**
     * A document's file.
     *
     * @param fileName the export's name of the file
     * @param etag     the strong ETag of a file that never changes (a FINAL invoice's, a credit note's); null for a
     *                 DRAFT's
     * @param bytes    renders the file when called
     */
    public record File(DocumentFormat format, String fileName, String etag, Supplier<byte[]> bytes) {
    }

    private final ApiTenants tenants;
    private final InvoiceQueries invoices;
    private final CreditNoteQueries notes;
    private final ExportService exports;

    DocumentFiles(ApiTenants tenants, InvoiceQueries invoices, CreditNoteQueries notes, ExportService exports) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.notes = notes;
        this.exports = exports;
    }

    /** The tenant's invoice of this number. */
    public InvoiceSummary invoice(String tenant, String number) {
        tenants.require(tenant);
        return InvoiceQueries.monthOf(tenant, number).flatMap(month -> invoices.find(tenant, month))
                .orElseThrow(() -> noInvoice(tenant, number));
    }

    /** The tenant's credit note of this number. */
    public CreditNoteSummary creditNote(String tenant, String number) {
        tenants.require(tenant);
        return notes.find(tenant, number).orElseThrow(() -> noNote(tenant, number));
    }

    /** The file of the tenant's invoice of this number. */
    public File invoiceFile(String tenant, String number, DocumentFormat format) {
        InvoiceSummary invoice = invoice(tenant, number);
        YearMonth month = YearMonth.parse(invoice.month());
        return new File(format, "invoice-" + month + "." + format.extension(),
                invoice.isFinal() ? Etags.of(invoice.number(), invoice.closedAt(), invoice.total(), format) : null,
                () -> exports.invoiceFile(tenant, month, format).orElseThrow(() -> noInvoice(tenant, number)));
    }

    /** The file of the tenant's credit note of this number. */
    public File creditNoteFile(String tenant, String number, DocumentFormat format) {
        CreditNoteSummary note = creditNote(tenant, number);
        return new File(format, note.files() + "." + format.extension(),
                Etags.of(note.number(), note.issuedAt(), note.total(), format),
                () -> exports.creditNoteFile(tenant, YearMonth.parse(note.issuedIn()), note.files(), format)
                        .orElseThrow(() -> noNote(tenant, number)));
    }

    private static NotFoundException noInvoice(String tenant, String number) {
        return new NotFoundException("Tenant '" + tenant + "' has no invoice '" + number + "': invoice numbers are"
                + " <tenant>-<YYYYMM>; list them with GET /api/v1/tenants/" + tenant + "/invoices.");
    }

    private static NotFoundException noNote(String tenant, String number) {
        return new NotFoundException("Tenant '" + tenant + "' has no credit note '" + number + "': credit note"
                + " numbers are <tenant>-CN-<YYYYMM>-<n>; list them with GET /api/v1/tenants/" + tenant
                + "/credit-notes.");
    }
}
