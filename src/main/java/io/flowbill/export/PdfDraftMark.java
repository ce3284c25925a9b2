package io.flowbill.export;

import java.awt.Color;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/** A large, light, slanted DRAFT across each page of a PDF, under its text. */
final class PdfDraftMark extends PdfPageEventHelper {

    private final BaseFont font;
    private final Color color;

    PdfDraftMark(BaseFont font, Color color) {
        this.font = font;
        this.color = color;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte under = writer.getDirectContentUnder();
        under.saveState();
        PdfGState light = new PdfGState();
        light.setFillOpacity(0.15f);
        under.setGState(light);
        under.setColorFill(color);
        under.beginText();
        under.setFontAndSize(font, 110);
        under.showTextAligned(Element.ALIGN_CENTER, "DRAFT", document.getPageSize().getWidth() / 2,
                document.getPageSize().getHeight() / 2, 35);
        under.endText();
        under.restoreState();
    }
}
