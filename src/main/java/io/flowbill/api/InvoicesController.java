package io.flowbill.api;

import java.time.YearMonth;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.flowbill.export.DocumentFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A tenant's invoices: the list, one invoice with its lines, and its documents as the export writes them. */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/v1/tenants/{tenant}/invoices", produces = "application/json")
@Tag(name = "invoices")
class InvoicesController {

    private final ApiTenants tenants;
    private final InvoiceQueries invoices;
    private final DocumentFiles documents;

    InvoicesController(ApiTenants tenants, InvoiceQueries invoices, DocumentFiles documents) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.documents = documents;
    }

    @GetMapping
    @Operation(operationId = "listInvoices",
            summary = "The tenant's invoices, newest month first",
            description = "Optionally of one month (YYYY-MM) or status (draft or final).")
    ResponseEntity<Page<InvoiceSummary>> list(@PathVariable String tenant,
            @RequestParam(required = false) String month, @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String after) {
        YearMonth asked = Parameters.month("month", month);
        InvoiceStatusParameter state = Parameters.oneOf("status", status, InvoiceStatusParameter.class);
        int size = Parameters.limit(limit);
        tenants.require(tenant);
        return Etags.changing(ResponseEntity.ok(),
                invoices.list(tenant, asked, state == null ? null : state.name(), after, size));
    }

    @GetMapping("/{number}")
    @Operation(operationId = "getInvoice",
            summary = "An invoice: its header and a page of its lines",
            description = "A FINAL invoice has a strong ETag and answers 304 to If-None-Match; a DRAFT is no-store.")
    ResponseEntity<InvoiceDetail> invoice(@PathVariable String tenant, @PathVariable String number,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String after,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int size = Parameters.limit(limit);
        InvoiceSummary invoice = documents.invoice(tenant, number);
        Supplier<InvoiceDetail> detail = () -> new InvoiceDetail(invoice, invoices.lines(invoice, after, size));
        return invoice.isFinal()
                ? Etags.fixed(Etags.of(invoice.number(), invoice.closedAt(), invoice.total(), size, after), ifNoneMatch,
                        ResponseEntity.ok(), detail)
                : Etags.changing(ResponseEntity.ok(), detail.get());
    }

    @GetMapping(path = "/{number}/document.csv", produces = "text/csv")
    @Operation(operationId = "getInvoiceCsv",
            summary = "The invoice's CSV, the bytes of invoice-<YYYY-MM>.csv")
    ResponseEntity<byte[]> csv(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.CSV, ifNoneMatch);
    }

    @GetMapping(path = "/{number}/document.html", produces = "text/html")
    @Operation(operationId = "getInvoiceHtml",
            summary = "The invoice's page, the bytes of invoice-<YYYY-MM>.html")
    ResponseEntity<byte[]> html(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.HTML, ifNoneMatch);
    }

    @GetMapping(path = "/{number}/document.pdf", produces = "application/pdf")
    @Operation(operationId = "getInvoicePdf",
            summary = "The invoice's PDF, the bytes of invoice-<YYYY-MM>.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.PDF, ifNoneMatch);
    }

    private ResponseEntity<byte[]> document(String tenant, String number, DocumentFormat format, String ifNoneMatch) {
        return Documents.shown(documents.invoiceFile(tenant, number, format), ifNoneMatch);
    }

    /** The statuses the list filters by. */
    enum InvoiceStatusParameter {
        DRAFT, FINAL
    }
}
