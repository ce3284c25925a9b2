package io.flowbill.export;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders {@code invoice-<YYYY-MM>.pdf} with OpenPDF: the same content as {@link InvoicePage}, A4, a DRAFT mark
 * across every page until the month is closed, {@code Page X of Y} at the foot of every page, and subtotal, tax,
 * total and the payment details kept together on one page (OpenPDF's keep-together moves them to the next page
 * when the rest of the page cannot hold them all, so the total never stands alone).
 * <p>
 * Byte-identical on rerun: the creation and modification dates are the first instant after the invoice's period in
 * the billing zone (never the time of writing), and the document id is derived from the invoice number (permanent
 * part) and the page's content (changing part), not from a clock.
 * <p>
 * Chinese text (seller, buyer, spec names) is set in Adobe's standard CJK font STSong-Light (UniGB-UCS2-H), which PDF
 * readers supply: it is not embedded, because embedding a subset writes a random subset tag and would make every
 * rerun differ; Latin text is in Helvetica.
 */
final class InvoicePdf {

    private static final Color INK = new Color(0x1d, 0x27, 0x33);
    private static final Color MUTED = new Color(0x5b, 0x68, 0x75);
    private static final Color DRAFT_RED = new Color(0xb4, 0x23, 0x18);
    private static final Color RULE = new Color(0xd6, 0xdd, 0xe5);

    private final BaseFont latin;
    private final BaseFont chinese;
    private final Map<Style, FontSelector> selectors = new ConcurrentHashMap<>();

    InvoicePdf() {
        try {
            this.latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.chinese = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        }
        catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("the PDF fonts (Helvetica, STSong-Light) cannot be loaded: " + e, e);
        }
    }

    static String fileName(YearMonth month) {
        return "invoice-" + month + ".pdf";
    }

    /**
     * Writes the PDF of {@code invoice}; {@code content} is what makes this version of it (the HTML page's bytes)
     * and {@code zone} the billing zone its dates are in.
     */
    void write(InvoiceDocument document, byte[] content, ZoneId zone, OutputStream out) {
        InvoiceHeader invoice = document.header();
        Document pdf = new Document(PageSize.A4, 40, 40, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new PdfPageNumbers(invoice.number(), latin, MUTED));
            if (invoice.isDraft()) {
                writer.setPageEvent(new PdfDraftMark(latin, DRAFT_RED));
            }
            pdf.addTitle("Invoice " + invoice.number());
            pdf.addSubject(invoice.tenant() + " " + invoice.month() + " " + invoice.status());
            pdf.addCreator("flowbill");
            pdf.open();
            fixDatesAndId(writer, invoice, content, zone);
            body(pdf, document);
            pdf.close();
        }
        catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF of invoice " + invoice.number() + ": " + e, e);
        }
    }

    private static void fixDatesAndId(PdfWriter writer, InvoiceHeader invoice, byte[] content, ZoneId zone) {
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(zone), Locale.ROOT);
        issued.setTimeInMillis(invoice.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli());
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(issued));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(issued));
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("flowbill (OpenPDF)"));
        byte[] permanent = digest(invoice.number().getBytes(StandardCharsets.UTF_8));
        byte[] changing = digest(content);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(permanent, changing));
    }

    /** The first 16 bytes of the SHA-256 of the bytes: a half of a PDF's file ID. */
    static byte[] digest(byte[] bytes) {
        MessageDigest sha256 = AtomicFile.sha256();
        return Arrays.copyOf(sha256.digest(bytes), 16);
    }

    private void body(Document document, InvoiceDocument content) throws DocumentException {
        InvoiceHeader invoice = content.header();
        if (content.demoNote() != null) {
            document.add(paragraph("DEMO: " + content.demoNote(), 9, Font.BOLD, DRAFT_RED));
        }
        document.add(paragraph("Invoice " + invoice.number(), 20, Font.BOLD, INK));
        document.add(paragraph("Period " + invoice.periodStart() + " to " + invoice.periodEnd() + "  \u00b7  currency "
                + invoice.currency() + "  \u00b7  status " + invoice.status(), 10, Font.NORMAL,
                invoice.isDraft() ? DRAFT_RED : MUTED));
        document.add(paragraph("Issue date " + content.terms().issueDate() + "  \u00b7  due date "
                + content.terms().dueDate() + "  \u00b7  payment terms " + content.terms().days() + " days", 10,
                Font.NORMAL, INK));
        if (invoice.isDraft()) {
            document.add(paragraph("DRAFT: recomputed by every billing run until the month is closed; not a final"
                    + " invoice.", 9, Font.NORMAL, DRAFT_RED));
        }
        document.add(parties(content));
        for (InvoiceDocument.Section section : content.sections()) {
            document.add(heading(section.title()));
            if (section.items().isEmpty()) {
                document.add(paragraph("None.", 9, Font.NORMAL, MUTED));
            }
            for (InvoiceDocument.ItemGroup group : section.items()) {
                document.add(items(group));
            }
        }
        document.add(heading("Adjustments"));
        if (content.adjustments().isEmpty()) {
            document.add(paragraph("None.", 9, Font.NORMAL, MUTED));
        }
        else {
            PdfPTable table = table(new float[] { 4, 2, 2 }, "Corrects month", "Containers", "Amount");
            for (InvoiceDocument.Adjustment adjustment : content.adjustments()) {
                cells(table, false, adjustment.corrects().toString(), Long.toString(adjustment.containers()),
                        InvoiceNumbers.money(adjustment.amount()));
            }
            document.add(table);
        }
        document.add(settlement(content));
    }

    private PdfPTable parties(InvoiceDocument content) {
        InvoiceHeader invoice = content.header();
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.addCell(party("Seller", content.seller(), null));
        table.addCell(party("Bill to", content.buyer(), "Tenant " + invoice.tenant()));
        return table;
    }

    private PdfPCell party(String role, InvoiceProperties.Party party, String extra) {
        Paragraph text = new Paragraph();
        text.add(phrase(role + "\n", 8, Font.NORMAL, MUTED));
        text.add(phrase(party.name() + "\n", 11, Font.BOLD, INK));
        for (String line : List.of(party.address(), party.taxId().isEmpty() ? "" : "Tax ID " + party.taxId(),
                party.email(), extra == null ? "" : extra)) {
            if (!line.isEmpty()) {
                text.add(phrase(line + "\n", 9, Font.NORMAL, INK));
            }
        }
        PdfPCell cell = new PdfPCell(text);
        cell.setBorderColor(RULE);
        cell.setPadding(8);
        return cell;
    }

    private PdfPTable items(InvoiceDocument.ItemGroup group) {
        PdfPTable table = table(new float[] { 7, 4, 2, 3, 2.4f, 2, 2.4f }, "Description", "Price version",
                "Containers", "Quantity", "Unit", "Unit price", "Amount");
        PdfPCell title = new PdfPCell(phrase(group.item(), 10, Font.BOLD, INK));
        title.setColspan(7);
        title.setBorder(PdfPCell.NO_BORDER);
        title.setPaddingTop(6);
        for (InvoiceDocument.Line line : group.lines()) {
            cells(table, false, line.description(), line.priceVersion() == null ? "" : line.priceVersion(),
                    line.containers() == 0 ? "" : Long.toString(line.containers()), InvoiceNumbers.quantity(line.quantity()), line.unit(),
                    CsvCells.decimal(line.unitPrice()), InvoiceNumbers.money(line.amount()));
        }
        PdfPCell label = cell("Subtotal " + group.item(), true, false);
        label.setColspan(6);
        table.addCell(label);
        table.addCell(cell(InvoiceNumbers.money(group.subtotal()), true, true));
        PdfPTable wrapper = new PdfPTable(1);
        wrapper.setWidthPercentage(100);
        wrapper.setSpacingBefore(6);
        wrapper.addCell(title);
        PdfPCell inner = new PdfPCell(table);
        inner.setBorder(PdfPCell.NO_BORDER);
        wrapper.addCell(inner);
        return wrapper;
    }

    /** Subtotal, tax and total, the payment details and the closing note: one table OpenPDF keeps on one page. */
    private PdfPTable settlement(InvoiceDocument content) {
        PdfPTable table = new PdfPTable(new float[] { 11, 9 });
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.setSpacingAfter(14);
        table.setKeepTogether(true);
        table.addCell(blank());
        PdfPCell totals = new PdfPCell(totals(content.header()));
        totals.setBorder(PdfPCell.NO_BORDER);
        totals.setPadding(0);
        table.addCell(totals);
        PdfPCell payment = new PdfPCell(payment(content));
        payment.setColspan(2);
        payment.setBorder(PdfPCell.NO_BORDER);
        payment.setPaddingTop(10);
        table.addCell(payment);
        PdfPCell note = new PdfPCell(paragraph("The lines are those of "
                + InvoiceExport.fileName(content.header().month()) + " (" + content.csvLines() + " lines), each"
                + " its month's quantity x unit price rounded to the cent once (above " + InvoiceLines.DETAIL_LINES
                + " lines, each kind's sum of them); tax = round(subtotal x tax rate) to the cent, once. manifest.json"
                + " holds the files' totals and SHA-256. Written by flowbill.", 8, Font.NORMAL, MUTED));
        note.setColspan(2);
        note.setBorder(PdfPCell.NO_BORDER);
        note.setPaddingTop(10);
        table.addCell(note);
        return table;
    }

    private static PdfPCell blank() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private Paragraph payment(InvoiceDocument content) {
        InvoiceHeader invoice = content.header();
        InvoiceTerms terms = content.terms();
        Paragraph text = new Paragraph();
        text.add(phrase("Payment\n", 10, Font.BOLD, INK));
        text.add(phrase(terms.request(invoice) + "\n", 9, Font.NORMAL, INK));
        if (terms.bank() != null) {
            text.add(phrase("Account holder " + content.seller().name() + "\nBank " + terms.bank().name()
                    + "\nAccount " + terms.bank().account() + "\n", 9, Font.NORMAL, INK));
        }
        return text;
    }

    private PdfPTable totals(InvoiceHeader invoice) {
        PdfPTable table = new PdfPTable(new float[] { 3, 2 });
        table.setWidthPercentage(100);
        String currency = " " + invoice.currency();
        cells(table, false, "Subtotal", InvoiceNumbers.money(invoice.subtotal()) + currency);
        cells(table, false, "Tax " + InvoiceNumbers.percent(invoice.taxRate()) + " %"
                + (invoice.taxVersion() == null ? "" : " (" + invoice.taxVersion() + ")"),
                InvoiceNumbers.money(invoice.tax()) + currency);
        cells(table, true, "Total", InvoiceNumbers.money(invoice.total()) + currency);
        return table;
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (int i = 0; i < headers.length; i++) {
            PdfPCell cell = new PdfPCell(phrase(headers[i], 8, Font.BOLD, MUTED));
            styled(cell, headers.length <= 3 ? i > 0 : i > 1 && i != 4);
            table.addCell(cell);
        }
        return table;
    }

    private void cells(PdfPTable table, boolean bold, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            table.addCell(cell(texts[i], bold, texts.length <= 3 ? i > 0 : i > 1 && i != 4));
        }
    }

    private PdfPCell cell(String text, boolean bold, boolean number) {
        PdfPCell cell = new PdfPCell(phrase(text, 8.5f, bold ? Font.BOLD : Font.NORMAL, INK));
        styled(cell, number);
        return cell;
    }

    private static void styled(PdfPCell cell, boolean number) {
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    }

    private Paragraph heading(String text) {
        Paragraph heading = paragraph(text, 12, Font.BOLD, INK);
        heading.setSpacingBefore(12);
        return heading;
    }

    private Paragraph paragraph(String text, float size, int style, Color color) {
        Paragraph paragraph = new Paragraph(phrase(text, size, style, color));
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    /** Latin in Helvetica, anything Helvetica lacks (Chinese) in STSong-Light. */
    private Phrase phrase(String text, float size, int style, Color color) {
        return selectors.computeIfAbsent(new Style(size, style, color), this::selector).process(text);
    }

    /**
     * One selector per style, made once: OpenPDF's {@code new FontSelector()} registers and reads its fallback
     * TrueType font from the jar every time (about 20 ms and half a megabyte each), while {@code process} only reads
     * the selector's font list, so a shared selector gives the same phrases.
     */
    private FontSelector selector(Style key) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(latin, key.size(), key.style(), key.color()));
        selector.addFont(new Font(chinese, key.size(), key.style(), key.color()));
        return selector;
    }

    private record Style(float size, int style, Color color) {
    }
}
