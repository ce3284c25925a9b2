package io.flowbill.export;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
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

/** The PDF of a credit note: the HTML page's figures on A4, dated its day of issue, the same bytes for the same note. */
final class CreditNotePdf {

    private static final Color INK = new Color(0x1d, 0x27, 0x33);

    private final BaseFont latin;
    private final BaseFont chinese;

    CreditNotePdf() {
        try {
            this.latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.chinese = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        }
        catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("the PDF fonts (Helvetica, STSong-Light) cannot be loaded: " + e, e);
        }
    }

    void write(CreditNote note, InvoiceProperties parties, ZoneId zone, OutputStream out) {
        Document pdf = new Document(PageSize.A4, 40, 40, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setCloseStream(false);
            pdf.addTitle("Credit note " + note.number());
            pdf.addCreator("flowbill");
            pdf.open();
            Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(zone), Locale.ROOT);
            issued.setTimeInMillis(note.issuedOn().atStartOfDay(zone).toInstant().toEpochMilli());
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(issued));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(issued));
            writer.getInfo().put(PdfName.PRODUCER, new PdfString("flowbill (OpenPDF)"));
            // OpenPDF's default file ID is random: derived from the note, the same note gives the same bytes
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(
                    InvoicePdf.digest(note.number().getBytes(StandardCharsets.UTF_8)),
                    InvoicePdf.digest(note.toString().getBytes(StandardCharsets.UTF_8))));
            pdf.add(new Paragraph(phrase("Credit note " + note.number(), 18, Font.BOLD)));
            pdf.add(new Paragraph(phrase("红字发票 · corrects invoice " + note.invoiceNumber() + " (" + note.correctsMonth()
                    + ") · issued " + note.issuedOn() + " · currency " + note.currency(), 10, Font.NORMAL)));
            pdf.add(new Paragraph(phrase("Seller: " + parties.seller().name() + " · Buyer: "
                    + parties.buyerOf(note.tenant()).name(), 10, Font.NORMAL)));
            PdfPTable table = new PdfPTable(new float[] { 1.2f, 3f, 1.6f, 1.4f });
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            row(table, Font.BOLD, "container", "name", "billed on " + note.invoiceNumber(), "amount");
            for (CreditNote.Line line : note.lines()) {
                row(table, Font.NORMAL, Long.toString(line.containerId()), line.name() == null ? "" : line.name(),
                        InvoiceNumbers.money(line.billed()), InvoiceNumbers.money(line.amount()));
            }
            row(table, Font.BOLD, "", "Subtotal", "", InvoiceNumbers.money(note.subtotal()));
            row(table, Font.BOLD, "", "Tax " + InvoiceNumbers.percent(note.taxRate()) + " %", "",
                    InvoiceNumbers.money(note.tax()));
            row(table, Font.BOLD, "", "Total", "", InvoiceNumbers.money(note.total()) + " " + note.currency());
            table.setKeepTogether(note.lines().size() < 30);
            pdf.add(table);
            pdf.close();
        }
        catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF of credit note " + note.number() + ": " + e, e);
        }
    }

    private void row(PdfPTable table, int style, String... cells) {
        for (String cell : cells) {
            table.addCell(new PdfPCell(phrase(cell, 9, style)));
        }
    }

    /** Latin in Helvetica, anything Helvetica lacks (Chinese) in STSong-Light. */
    private Phrase phrase(String text, float size, int style) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(latin, size, style, INK));
        selector.addFont(new Font(chinese, size, style, INK));
        return selector.process(text);
    }
}
