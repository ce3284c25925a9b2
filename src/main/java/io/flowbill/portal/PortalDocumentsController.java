package io.flowbill.portal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import io.flowbill.api.ApiTenants;
import io.flowbill.api.InvoiceQueries;
import io.flowbill.api.InvoiceSummary;
import io.flowbill.api.NotFoundException;
import io.flowbill.export.DocumentFormat;
import io.flowbill.export.ExportService;
import io.flowbill.export.ReportNumbers;
import io.flowbill.security.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant's invoices and credit notes with their files: the list as the API reads it ({@link InvoiceQueries}), and
 * each file with the bytes the export writes ({@link ExportService#invoiceFile}), as a download.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(PortalPaths.TENANTS + "/{tenant}")
class PortalDocumentsController {

    /** Invoices listed: eight years of months. */
    static final int INVOICES = 96;

    private final ApiTenants tenants;
    private final InvoiceQueries invoices;
    private final ExportService exports;

    PortalDocumentsController(ApiTenants tenants, InvoiceQueries invoices, ExportService exports) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.exports = exports;
    }

    @GetMapping("/invoices")
    ResponseEntity<String> list(@PathVariable String tenant, @AuthenticationPrincipal ApiCaller caller,
            HttpServletRequest request) {
        tenants.require(tenant);
        List<Map<String, Object>> rows = invoices.list(tenant, null, null, null, INVOICES).items().stream()
                .map(invoice -> row(tenant, invoice)).toList();
        return PortalView.of(request, caller).tenant(tenant, "invoices").put("invoices", rows)
                .put("hasInvoices", !rows.isEmpty()).put("creditNotes", List.of()).put("hasCreditNotes", false)
                .page("invoices", "invoices.title");
    }

    @GetMapping("/invoices/{month}.{extension}")
    ResponseEntity<byte[]> invoiceFile(@PathVariable String tenant, @PathVariable String month,
            @PathVariable String extension) {
        tenants.require(tenant);
        YearMonth billed = month(month);
        DocumentFormat format = format(extension);
        byte[] bytes = exports.invoiceFile(tenant, billed, format)
                .orElseThrow(() -> new NotFoundException("no invoice of " + month));
        return download(format, "invoice-" + billed + "." + format.extension(), bytes);
    }

    private static Map<String, Object> row(String tenant, InvoiceSummary invoice) {
        YearMonth month = YearMonth.parse(invoice.month());
        return Map.of("number", invoice.number(), "month", invoice.month(), "status", invoice.status(),
                "total", ReportNumbers.grouped(new java.math.BigDecimal(invoice.total())), "currency",
                invoice.currency(), "files", files(format -> PortalPaths.invoiceFile(tenant, month, format)));
    }

    static List<Map<String, String>> files(java.util.function.Function<String, String> href) {
        return List.of(DocumentFormat.values()).stream().map(format -> Map.of("label",
                format.extension().toUpperCase(Locale.ROOT), "href", href.apply(format.extension()))).toList();
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new NotFoundException("no month " + text);
        }
    }

    static DocumentFormat format(String extension) {
        for (DocumentFormat format : DocumentFormat.values()) {
            if (format.extension().equals(extension)) {
                return format;
            }
        }
        throw new NotFoundException("no file type " + extension);
    }

    /** The file as a download under its export name, never cached (a DRAFT changes with every billing run). */
    static ResponseEntity<byte[]> download(DocumentFormat format, String name, byte[] bytes) {
        MediaType type = switch (format) {
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case HTML -> new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            case PDF -> MediaType.APPLICATION_PDF;
        };
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(bytes);
    }
}
