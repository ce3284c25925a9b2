package io.flowbill.export;

import java.awt.Color;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The foot of every page of an invoice PDF: the invoice number on the left, {@code Page X of Y} on the right. Y is
 * known only when the document closes, so every page draws the same small template that is filled in then.
 */
final class PdfPageNumbers extends PdfPageEventHelper {

    private static final float SIZE = 8;

    private final String invoiceNumber;
    private final BaseFont font;
    private final Color color;
    private PdfTemplate total;
    private int pages;

    PdfPageNumbers(String invoiceNumber, BaseFont font, Color color) {
        this.invoiceNumber = invoiceNumber;
        this.font = font;
        this.color = color;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("0000", SIZE), SIZE + 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages++;
        Rectangle page = document.getPageSize();
        float y = document.bottomMargin() / 2;
        String label = "Page " + pages + " of ";
        float x = page.getWidth() - document.rightMargin() - font.getWidthPoint("Page 000 of 000", SIZE);
        PdfContentByte over = writer.getDirectContent();
        over.saveState();
        over.setColorFill(color);
        over.beginText();
        over.setFontAndSize(font, SIZE);
        over.setTextMatrix(document.leftMargin(), y);
        over.showText("Invoice " + invoiceNumber);
        over.setTextMatrix(x, y);
        over.showText(label);
        over.endText();
        over.addTemplate(total, x + font.getWidthPoint(label, SIZE), y);
        over.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setColorFill(color);
        total.setFontAndSize(font, SIZE);
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(pages));
        total.endText();
    }
}
