package org.formularium.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Header (organisation, header text) and footer (footer text, "Seite x von y") on every page, all as
 * pagination artifacts. The page numbers go into one small template per page, filled when the document
 * closes and the total is known.
 */
final class PageFurniture extends PdfPageEventHelper {

    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName HEADER = new PdfName("Header");
    private static final PdfName FOOTER = new PdfName("Footer");
    private static final Color RULE = new Color(120, 120, 120);
    private static final float NUMBER_WIDTH = 140;
    private static final float NUMBER_HEIGHT = 12;

    private final Phrase organisation;
    private final Phrase headerText;
    private final Phrase footerText;
    private final MessageFormat pageXofY;
    private final Function<String, Phrase> small;
    private final PdfDictionary headerArtifact = artifact(HEADER);
    private final PdfDictionary footerArtifact = artifact(FOOTER);
    private final List<PdfTemplate> pageNumbers = new ArrayList<>(4);

    /**
     * @param small turns a text into a phrase in the footer's size (text hygiene included)
     */
    PageFurniture(Phrase organisation, Phrase headerText, Phrase footerText, String pageXofY,
                  Locale locale, Function<String, Phrase> small) {
        this.organisation = organisation;
        this.headerText = headerText;
        this.footerText = footerText;
        this.pageXofY = new MessageFormat(pageXofY, locale);
        this.small = small;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        try {
            cb.beginMarkedContentSequence(ARTIFACT, headerArtifact, true);
            float y = line(cb, organisation, Layout.HEADER_TOP, 11);
            line(cb, headerText, y - 1, 10);
            rule(cb, Layout.HEADER_RULE);
            cb.endMarkedContentSequence();

            cb.beginMarkedContentSequence(ARTIFACT, footerArtifact, true);
            rule(cb, Layout.FOOTER_RULE);
            ColumnText ct = new ColumnText(cb);
            ct.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
            ct.setLeading(10);
            ct.addText(footerText);
            float top = Layout.FOOTER_RULE - 2;
            ct.setSimpleColumn(Layout.LEFT, top - 2 * 10 - 3, Layout.RIGHT - NUMBER_WIDTH - 10, top);
            ct.go(); // at most two lines; the rest is cut off
            PdfTemplate number = cb.createTemplate(NUMBER_WIDTH, NUMBER_HEIGHT);
            cb.addTemplate(number, Layout.RIGHT - NUMBER_WIDTH, top - NUMBER_HEIGHT);
            pageNumbers.add(number);
            cb.endMarkedContentSequence();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw page header or footer", e);
        }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        Object[] args = new Object[2];
        args[1] = pageNumbers.size();
        for (int i = 0; i < pageNumbers.size(); i++) {
            args[0] = i + 1;
            Phrase text = small.apply(pageXofY.format(args));
            ColumnText.showTextAligned(pageNumbers.get(i), Element.ALIGN_RIGHT, text, NUMBER_WIDTH, 3, 0);
        }
    }

    private float line(PdfContentByte cb, Phrase text, float top, float leading) throws DocumentException {
        ColumnText ct = new ColumnText(cb);
        ct.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        ct.setLeading(leading);
        ct.addText(text);
        ct.setSimpleColumn(Layout.LEFT, top - leading - 2, Layout.RIGHT, top);
        ct.go(); // one line; the rest is cut off
        return top - leading;
    }

    private static void rule(PdfContentByte cb, float y) {
        cb.saveState();
        cb.setColorStroke(RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(Layout.LEFT, y);
        cb.lineTo(Layout.RIGHT, y);
        cb.stroke();
        cb.restoreState();
    }

    private static PdfDictionary artifact(PdfName subtype) {
        PdfDictionary dict = new PdfDictionary();
        dict.put(PdfName.TYPE, PAGINATION);
        dict.put(PdfName.SUBTYPE, subtype);
        return dict;
    }
}
