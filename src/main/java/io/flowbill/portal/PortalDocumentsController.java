package io.flowbill.portal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import io.flowbill.api.ApiTenants;
import io.flowbill.api.CreditNoteQueries;
import io.flowbill.api.CreditNoteSummary;
import io.flowbill.api.DocumentFiles;
import io.flowbill.api.Documents;
import io.flowbill.api.InvoiceQueries;
import io.flowbill.api.InvoiceSummary;
import io.flowbill.api.NotFoundException;
import io.flowbill.export.DocumentFormat;
import io.flowbill.export.ReportNumbers;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant's invoices and credit notes with their files: the lists as the API reads them ({@link InvoiceQueries},
 * {@link CreditNoteQueries}), and each file found and rendered as the API does ({@link DocumentFiles}), as a
 * download.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.TENANTS + "/{tenant}")
class PortalDocumentsController {

    /** Documents listed of each kind: eight years of months. */
    static final int LISTED = 96;

    private final ApiTenants tenants;
    private final InvoiceQueries invoices;
    private final CreditNoteQueries creditNotes;
    private final DocumentFiles documents;
    private final BillingZone zone;

    PortalDocumentsController(ApiTenants tenants, InvoiceQueries invoices, CreditNoteQueries creditNotes,
            DocumentFiles documents, PriceBook book) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.documents = documents;
        this.zone = book.zone();
    }

    @GetMapping("/invoices")
    ResponseEntity<String> list(@PathVariable String tenant, @AuthenticationPrincipal ApiCaller caller,
            HttpServletRequest request) {
        tenants.require(tenant);
        List<Map<String, Object>> invoiceRows = invoices.list(tenant, null, null, null, LISTED).items().stream()
                .map(PortalDocumentsController::row).map(row -> withFiles(row, tenant, "invoices")).toList();
        List<Map<String, Object>> noteRows = creditNotes.list(tenant, null, null, LISTED).items().stream()
                .map(this::row).map(row -> withFiles(row, tenant, "credit-notes")).toList();
        return PortalView.of(request, caller).tenant(tenant, "invoices").put("invoices", invoiceRows)
                .put("hasInvoices", !invoiceRows.isEmpty()).put("creditNotes", noteRows)
                .put("hasCreditNotes", !noteRows.isEmpty()).page("invoices", "invoices.title");
    }

    @GetMapping("/invoices/{number}/document.{extension}")
    ResponseEntity<byte[]> invoiceFile(@PathVariable String tenant, @PathVariable String number,
            @PathVariable String extension) {
        return downloaded(documents.invoiceFile(tenant, number, format(extension)));
    }

    @GetMapping("/credit-notes/{number}/document.{extension}")
    ResponseEntity<byte[]> creditNoteFile(@PathVariable String tenant, @PathVariable String number,
            @PathVariable String extension) {
        return downloaded(documents.creditNoteFile(tenant, number, format(extension)));
    }

    private static Map<String, Object> row(InvoiceSummary invoice) {
        return Map.of("number", invoice.number(), "month", invoice.month(), "status", invoice.status(),
                "total", ReportNumbers.grouped(new BigDecimal(invoice.total())), "currency", invoice.currency());
    }

    /** A credit note's row; issued on the day of the billing zone its document prints. */
    private Map<String, Object> row(CreditNoteSummary note) {
        return Map.of("number", note.number(), "corrects", note.correctsInvoice(), "issued",
                zone.date(note.issuedAt()).toString(), "total", ReportNumbers.grouped(new BigDecimal(note.total())),
                "currency", note.currency());
    }

    /** The row with links to its document's CSV, HTML and PDF: {@code <kind>/<number>/document.<extension>}. */
    private static Map<String, Object> withFiles(Map<String, Object> row, String tenant, String kind) {
        String base = PortalPaths.tenant(tenant) + "/" + kind + "/" + row.get("number") + "/document.";
        Function<DocumentFormat, Map<String, String>> link = format -> Map.of("label",
                format.extension().toUpperCase(Locale.ROOT), "href", base + format.extension());
        Map<String, Object> linked = new java.util.HashMap<>(row);
        linked.put("files", List.of(DocumentFormat.values()).stream().map(link).toList());
        return linked;
    }

    private static DocumentFormat format(String extension) {
        for (DocumentFormat format : DocumentFormat.values()) {
            if (format.extension().equals(extension)) {
                return format;
            }
        }
        throw new NotFoundException("no document type " + extension);
    }

    /** As a download, never cached: a DRAFT changes with every billing run, and the session may end. */
    private static ResponseEntity<byte[]> downloaded(DocumentFiles.File file) {
        return Documents.download(file.format(), file.fileName()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.bytes().get());
    }
}
