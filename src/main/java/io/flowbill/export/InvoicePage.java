package io.flowbill.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders {@code invoice-<YYYY-MM>.html} from the Mustache template {@code export/invoice.html.mustache}: one
 * self-contained page (no script, no link, no image; its Content-Security-Policy forbids any), with a DRAFT
 * watermark until the month is closed and no time of writing, so the same invoice gives the same bytes.
 */
final class InvoicePage {

    private static final String TEMPLATE = "export/invoice.html.mustache";
    private static final Template PAGE = compile();

    private InvoicePage() {
    }

    static String fileName(YearMonth month) {
        return "invoice-" + month + ".html";
    }

    static String render(InvoiceDocument invoice) {
        return PAGE.execute(view(invoice));
    }

    private static Map<String, Object> view(InvoiceDocument document) {
        InvoiceHeader invoice = document.header();
        Map<String, Object> view = new HashMap<>();
        view.put("number", invoice.number());
        view.put("tenant", invoice.tenant());
        view.put("periodStart", invoice.periodStart().toString());
        view.put("periodEnd", invoice.periodEnd().toString());
        view.put("currency", invoice.currency());
        view.put("status", invoice.status());
        view.put("statusClass", invoice.isDraft() ? "draft" : "final");
        view.put("draft", invoice.isDraft());
        view.put("demoNote", document.demoNote() == null ? "" : document.demoNote());
        view.put("seller", party(document.seller()));
        view.put("buyer", party(document.buyer()));
        view.put("sections", document.sections().stream().map(section -> Map.of("title", section.title(),
                "items", section.items().stream().map(InvoicePage::group).toList())).toList());
        view.put("hasAdjustments", !document.adjustments().isEmpty());
        view.put("adjustments", document.adjustments().stream().map(adjustment -> Map.of(
                "corrects", adjustment.corrects().toString(),
                "containers", Long.toString(adjustment.containers()),
                "amount", InvoiceNumbers.money(adjustment.amount()))).toList());
        view.put("subtotal", InvoiceNumbers.money(invoice.subtotal()));
        view.put("taxPercent", InvoiceNumbers.percent(invoice.taxRate()));
        view.put("taxVersion", invoice.taxVersion() == null ? "" : invoice.taxVersion());
        view.put("tax", InvoiceNumbers.money(invoice.tax()));
        view.put("total", InvoiceNumbers.money(invoice.total()));
        InvoiceTerms terms = document.terms();
        view.put("issueDate", terms.issueDate());
        view.put("dueDate", terms.dueDate());
        view.put("termsDays", Integer.toString(terms.days()));
        view.put("paymentRequest", terms.request(invoice));
        view.put("hasBank", terms.bank() != null);
        view.put("bankName", terms.bank() == null ? "" : terms.bank().name());
        view.put("bankAccount", terms.bank() == null ? "" : terms.bank().account());
        view.put("csvName", InvoiceExport.fileName(invoice.month()));
        view.put("csvLines", Long.toString(document.csvLines()));
        return view;
    }

    private static Map<String, Object> group(InvoiceDocument.ItemGroup group) {
        List<Map<String, String>> lines = group.lines().stream().map(line -> Map.of(
                "description", line.description(),
                "priceVersion", line.priceVersion() == null ? "" : line.priceVersion(),
                "containers", line.containers() == 0 ? "" : Long.toString(line.containers()),
                "quantity", InvoiceNumbers.quantity(line.quantity()),
                "unit", line.unit(),
                "unitPrice", CsvCells.decimal(line.unitPrice()),
                "amount", InvoiceNumbers.money(line.amount()))).toList();
        return Map.of("item", group.item(), "lines", lines, "subtotal", InvoiceNumbers.money(group.subtotal()));
    }

    private static Map<String, String> party(InvoiceProperties.Party party) {
        return Map.of("name", party.name(), "address", party.address(), "taxId", party.taxId(),
                "email", party.email());
    }

    private static Template compile() {
        try (InputStream in = InvoicePage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the invoice template " + TEMPLATE + " is missing from the jar");
            }
            return Mustache.compiler().emptyStringIsFalse(true).zeroIsFalse(false)
                    .compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
