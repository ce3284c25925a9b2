package io.flowbill.api;

import java.time.YearMonth;

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

/**
 * A tenant's credit notes: the list, one note with its lines, and its documents as the export writes them. A note
 * never changes once issued, so every answer about one has a strong ETag.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/v1/tenants/{tenant}/credit-notes", produces = "application/json")
@Tag(name = "credit notes")
class CreditNotesController {

    private final ApiTenants tenants;
    private final CreditNoteQueries notes;
    private final DocumentFiles documents;

    CreditNotesController(ApiTenants tenants, CreditNoteQueries notes, DocumentFiles documents) {
        this.tenants = tenants;
        this.notes = notes;
        this.documents = documents;
    }

    @GetMapping
    @Operation(operationId = "listCreditNotes",
            summary = "The tenant's credit notes in the order they were issued",
            description = "Optionally of those correcting one month (corrects_month=YYYY-MM).")
    ResponseEntity<Page<CreditNoteSummary>> list(@PathVariable String tenant,
            @RequestParam(name = "corrects_month", required = false) String correctsMonth,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String after) {
        YearMonth corrects = Parameters.month("corrects_month", correctsMonth);
        int size = Parameters.limit(limit);
        tenants.require(tenant);
        return Etags.changing(ResponseEntity.ok(), notes.list(tenant, corrects, after, size));
    }

    @GetMapping("/{number}")
    @Operation(operationId = "getCreditNote",
            summary = "A credit note: its header and a page of its lines")
    ResponseEntity<CreditNoteDetail> creditNote(@PathVariable String tenant, @PathVariable String number,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String after,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        int size = Parameters.limit(limit);
        CreditNoteSummary note = documents.creditNote(tenant, number);
        return Etags.fixed(Etags.of(note.number(), note.issuedAt(), note.total(), size, after), ifNoneMatch,
                ResponseEntity.ok(), () -> new CreditNoteDetail(note, notes.lines(note, after, size)));
    }

    @GetMapping(path = "/{number}/document.csv", produces = "text/csv")
    @Operation(operationId = "getCreditNoteCsv",
            summary = "The credit note's CSV, the bytes of credit-note-<YYYY-MM>-<n>.csv")
    ResponseEntity<byte[]> csv(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.CSV, ifNoneMatch);
    }

    @GetMapping(path = "/{number}/document.html", produces = "text/html")
    @Operation(operationId = "getCreditNoteHtml",
            summary = "The credit note's page, the bytes of credit-note-<YYYY-MM>-<n>.html")
    ResponseEntity<byte[]> html(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.HTML, ifNoneMatch);
    }

    @GetMapping(path = "/{number}/document.pdf", produces = "application/pdf")
    @Operation(operationId = "getCreditNotePdf",
            summary = "The credit note's PDF, the bytes of credit-note-<YYYY-MM>-<n>.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String tenant, @PathVariable String number,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return document(tenant, number, DocumentFormat.PDF, ifNoneMatch);
    }

    private ResponseEntity<byte[]> document(String tenant, String number, DocumentFormat format, String ifNoneMatch) {
        return Documents.shown(documents.creditNoteFile(tenant, number, format), ifNoneMatch);
    }
}
