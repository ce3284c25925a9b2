package io.flowbill.export;

import static io.flowbill.export.ReportNumbers.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A credit note's three files, {@code credit-note-<YYYY-MM>-<n>.csv}, {@code .html} and {@code .pdf}, written into
 * the folder of the month whose refresh issued it: the closed month's folder is never rewritten, so it keeps
 * reconciling with its FINAL invoice. The CSV has one line per container (quantity 1, the month corrected as its
 * unit, unit price = amount = the difference) and one {@code tax} line, so that its {@code amount} column adds up to
 * the note's total; every line satisfies amount = round(quantity x unit price, 2).
 */
final class CreditNoteFiles {

    static final List<String> HEADER = List.of("tenant", "credit_note_number", "corrects_invoice", "corrects_month",
            "issued_on", "container_id", "container_name", "item", "billed_on_invoice", "quantity", "unit",
            "unit_price", "amount", "currency", "tax");

    private CreditNoteFiles() {
    }

    static AtomicFile.Written csv(Path folder, CreditNote note, boolean bom) {
        String taxRate = CsvCells.decimal(note.taxRate());
        return CsvFile.write(folder.resolve(note.baseName() + ".csv"), HEADER, bom, sink -> {
            for (CreditNote.Line line : note.lines()) {
                sink.row(note.tenant(), note.number(), note.invoiceNumber(), note.correctsMonth().toString(),
                        note.issuedOn().toString(), Long.toString(line.containerId()), CsvCells.untrusted(line.name()),
                        "credit", CsvCells.decimal(line.billed()), "1", note.correctsMonth().toString(),
                        CsvCells.decimal(line.amount()), CsvCells.decimal(line.amount()), note.currency(), taxRate);
            }
            sink.row(note.tenant(), note.number(), note.invoiceNumber(), note.correctsMonth().toString(),
                    note.issuedOn().toString(), "", "", "tax", "", CsvCells.decimal(note.subtotal()), note.currency(),
                    taxRate, CsvCells.decimal(note.tax()), note.currency(), "");
        });
    }

    /** The HTML page: self-contained, no script, the same bytes for the same note. */
    static byte[] html(CreditNote note, InvoiceProperties parties) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>Credit note ").append(text(note.number())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;color:#1d2733}td,th{padding:4px 8px;")
                .append("border-bottom:1px solid #d6dde5}.n{text-align:right}</style>\n</head>\n<body>\n")
                .append("<h1>Credit note <span id=\"number\">").append(text(note.number())).append("</span></h1>\n")
                .append("<p>红字发票 · corrects invoice <strong id=\"corrects\">").append(text(note.invoiceNumber()))
                .append("</strong> (").append(note.correctsMonth()).append(") · issued ").append(note.issuedOn())
                .append(" · currency ").append(text(note.currency())).append("</p>\n")
                .append("<p>Seller: ").append(text(parties.seller().name())).append(" · Buyer: ")
                .append(text(parties.buyerOf(note.tenant()).name())).append("</p>\n")
                .append("<table>\n<tr><th>container</th><th>name</th><th class=\"n\">billed on ")
                .append(text(note.invoiceNumber())).append("</th><th class=\"n\">amount</th></tr>\n");
        for (CreditNote.Line line : note.lines()) {
            html.append("<tr><td>").append(line.containerId()).append("</td><td>").append(text(line.name()))
                    .append("</td><td class=\"n\">").append(InvoiceNumbers.money(line.billed()))
                    .append("</td><td class=\"n\">").append(InvoiceNumbers.money(line.amount())).append("</td></tr>\n");
        }
        html.append("<tr><th colspan=\"3\">Subtotal</th><th class=\"n\" id=\"subtotal\">")
                .append(InvoiceNumbers.money(note.subtotal())).append("</th></tr>\n<tr><th colspan=\"3\">Tax ")
                .append(InvoiceNumbers.percent(note.taxRate())).append(" %</th><th class=\"n\" id=\"tax\">")
                .append(InvoiceNumbers.money(note.tax())).append("</th></tr>\n<tr><th colspan=\"3\">Total</th>")
                .append("<th class=\"n\" id=\"total\">").append(InvoiceNumbers.money(note.total())).append(' ')
                .append(text(note.currency())).append("</th></tr>\n</table>\n<p>Lines: <code>")
                .append(text(note.baseName())).append(".csv</code>. Written by flowbill.</p>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
