package org.formularium.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;

/**
 * Flows phrases into columns on the direct content, each inside a marked-content sequence of its
 * (leaf) structure element, and continues on the next page when a column runs full: the sequence is
 * closed before the page break and reopened for the same element on the new page (OpenPDF then records
 * the marked-content reference with its page). Tracks the current line {@code y}.
 */
final class TaggedFlow {

    /** A piece of text drawn between two x positions, tagged as {@code element}. */
    record Cell(PdfStructureElement element, Phrase phrase, float left, float right, float leading) {
    }

    private static final Color RULE = new Color(170, 170, 170);
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName LAYOUT = new PdfName("Layout");

    private final Document document;
    private final PdfContentByte cb;
    private final float top;
    private final float bottom;
    private final PdfDictionary layoutArtifact = new PdfDictionary();
    private float y;

    TaggedFlow(Document document, PdfWriter writer, float top, float bottom) {
        this.document = document;
        this.cb = writer.getDirectContent();
        this.top = top;
        this.bottom = bottom;
        this.y = top;
        layoutArtifact.put(PdfName.TYPE, LAYOUT);
    }

    float y() {
        return y;
    }

    PdfContentByte canvas() {
        return cb;
    }

    boolean atTop() {
        return y >= top;
    }

    /** Moves the current line down; never below the bottom margin. */
    void skip(float dy) {
        y = Math.max(bottom, y - dy);
    }

    /** Starts a new page unless at least {@code height} is left on this one. */
    void keepSpace(float height) {
        if (!atTop() && y - height < bottom) {
            newPage();
        }
    }

    void newPage() {
        document.newPage();
        y = top;
    }

    /**
     * Draws the cells side by side from the current line, continuing each on following pages as needed,
     * and moves the current line below the longest cell. A row that does not fit on the rest of this page
     * but would fit on a fresh one starts on the next page.
     */
    void row(Cell... cells) throws DocumentException {
        if (!atTop() && !fits(cells, y)) {
            float maxLeading = 0;
            for (Cell cell : cells) {
                maxLeading = Math.max(maxLeading, cell.leading());
            }
            if (y - bottom < 3 * maxLeading || fits(cells, top)) {
                newPage();
            }
        }
        ColumnText[] columns = new ColumnText[cells.length];
        boolean[] done = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            columns[i] = column(cells[i]);
        }
        while (true) {
            float lowest = y;
            boolean more = false;
            int lines = 0;
            for (int i = 0; i < cells.length; i++) {
                if (done[i]) {
                    continue;
                }
                Cell cell = cells[i];
                ColumnText ct = columns[i];
                ct.setSimpleColumn(cell.left(), bottom, cell.right(), y);
                cb.beginMarkedContentSequence(cell.element());
                int status = ct.go();
                cb.endMarkedContentSequence();
                lines += ct.getLinesWritten();
                lowest = Math.min(lowest, ct.getYLine());
                if (ColumnText.hasMoreText(status)) {
                    more = true;
                } else {
                    done[i] = true;
                }
            }
            if (!more) {
                y = lowest;
                return;
            }
            if (lines == 0 && atTop()) {
                throw new IllegalStateException("text does not fit on an empty page");
            }
            newPage();
        }
    }

    /** A thin horizontal rule across {@code [left, right]} at the current line, as a layout artifact. */
    void rule(float left, float right) {
        cb.beginMarkedContentSequence(ARTIFACT, layoutArtifact, true);
        cb.saveState();
        cb.setColorStroke(RULE);
        cb.setLineWidth(0.4f);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        cb.restoreState();
        cb.endMarkedContentSequence();
    }

    private boolean fits(Cell[] cells, float from) throws DocumentException {
        for (Cell cell : cells) {
            ColumnText ct = column(cell);
            ct.setSimpleColumn(cell.left(), bottom, cell.right(), from);
            if (ColumnText.hasMoreText(ct.go(true))) {
                return false;
            }
        }
        return true;
    }

    private ColumnText column(Cell cell) {
        ColumnText ct = new ColumnText(cb);
        // bidi reordering and Arabic shaping happen only with a run direction set
        ct.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        ct.setAlignment(Element.ALIGN_LEFT);
        ct.setLeading(cell.leading());
        ct.addText(cell.phrase());
        return ct;
    }
}
