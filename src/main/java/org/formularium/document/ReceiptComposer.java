package org.formularium.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import org.formularium.document.Typesetter.Style;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.NumberFormat;
import java.util.List;

/**
 * Draws one receipt. Single use: one instance per document, not thread-safe.
 * Structure: Document &gt; [Figure] H1 Table(metadata) Sect(page: H2 Table | Sect(H3 Table) | Sect(group:
 * H3 Sect(item: H4 Table …))) Sect(attachments: H2 Table).
 */
final class ReceiptComposer {

    private static final PdfName TR = new PdfName("TR");
    private static final PdfName[] HEADINGS = {
            PdfName.H1, new PdfName("H2"), new PdfName("H3"), new PdfName("H4"), new PdfName("H5"),
            new PdfName("H6")};
    private static final Style[] HEADING_STYLES = {Style.H1, Style.H2, Style.H3, Style.H4, Style.H5, Style.H6};
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName ROW = new PdfName("Row");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final float LOGO_MAX_HEIGHT = 48;
    private static final float LOGO_MAX_WIDTH = 180;
    /** Body text: 10 pt on 12.5 pt; table rows get a little air above and below. */
    private static final float LEADING = 12.5f;
    private static final float ROW_PADDING_TOP = 2.5f;
    private static final float ROW_PADDING_BOTTOM = 3.5f;

    private final Receipt receipt;
    private final ReceiptLabels labels;
    private final Typesetter type;

    private final PdfDictionary rowHeader = scope(ROW);
    private final PdfDictionary columnHeader = scope(COLUMN);

    private TaggedFlow flow;
    private PdfStructureElement root;

    ReceiptComposer(Receipt receipt, ReceiptFonts fonts) {
        this.receipt = receipt;
        this.labels = receipt.labels();
        this.type = new Typesetter(fonts);
    }

    byte[] compose() throws DocumentException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024 + receipt.jsonBytes().length / 3);
        Document document = new Document(Layout.PAGE, Layout.LEFT, Layout.MARGIN,
                Layout.PAGE.getHeight() - Layout.BODY_TOP, Layout.BODY_BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setTagged();
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        String title = clean(receipt.documentTitle());
        document.addTitle(title.isBlank() ? clean(receipt.formTitle()) : title);
        document.addCreator("Formularium");
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(receipt.language().toLanguageTag()));
        Branding branding = receipt.branding();
        writer.setPageEvent(new PageFurniture(phrase(branding.organisation(), Style.SMALL_BOLD),
                phrase(branding.headerText(), Style.SMALL), phrase(branding.footerText(), Style.SMALL),
                labels.pageXofY(), receipt.language(), text -> phrase(text, Style.SMALL)));

        document.open();
        PdfA3.addOutputIntent(writer);
        flow = new TaggedFlow(document, writer, Layout.BODY_TOP, Layout.BODY_BOTTOM);
        root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);

        logo(branding);
        heading(root, 0, receipt.formTitle());
        metadata();
        for (ReceiptPage page : receipt.pages()) {
            page(page);
        }
        attachments();

        PdfArray af = new PdfArray();
        String base = fileBase(receipt.reference());
        PdfA3.associate(writer, af, base + ".json", receipt.jsonBytes(), "application/json", "Data",
                clean(labels.jsonDescription()));
        PdfA3.associate(writer, af, base + ".xml", receipt.xmlBytes(), "application/xml", "Source",
                clean(labels.xmlDescription()));
        PdfA3.setAssociatedFiles(writer, af);
        PdfA3.setXmp(writer);
        document.close();
        return out.toByteArray();
    }

    private void logo(Branding branding) throws DocumentException, IOException {
        byte[] png = branding.logoBytes();
        if (png == null) {
            return;
        }
        Image image = Image.getInstance(png);
        float scale = Math.min(1f, Math.min(LOGO_MAX_HEIGHT / image.getHeight(), LOGO_MAX_WIDTH / image.getWidth()));
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        float y = flow.y() - h;
        String alt = clean(branding.logoAlt());
        var cb = flow.canvas();
        if (alt.isBlank()) {
            cb.beginMarkedContentSequence(ARTIFACT, new PdfDictionary(), true); // decorative
        } else {
            PdfStructureElement figure = new PdfStructureElement(root, PdfName.FIGURE);
            figure.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
            PdfArray bbox = new PdfArray(new float[] {Layout.LEFT, y, Layout.LEFT + w, y + h});
            PdfDictionary layout = new PdfDictionary();
            layout.put(PdfName.O, new PdfName("Layout"));
            layout.put(PdfName.BBOX, bbox);
            figure.put(PdfName.A, layout);
            cb.beginMarkedContentSequence(figure);
        }
        cb.addImage(image, w, 0, 0, h, Layout.LEFT, y);
        cb.endMarkedContentSequence();
        flow.skip(h + 12);
    }

    private void metadata() throws DocumentException {
        PdfStructureElement table = new PdfStructureElement(root, PdfName.TABLE);
        row(table, labels.form(), receipt.formTitle());
        row(table, labels.version(), NumberFormat.getIntegerInstance(receipt.language()).format(receipt.formVersion()));
        row(table, labels.reference(), receipt.reference());
        row(table, labels.submittedAt(), receipt.submittedAt());
        flow.skip(10);
    }

    private void page(ReceiptPage page) throws DocumentException {
        PdfStructureElement sect = new PdfStructureElement(root, PdfName.SECT);
        heading(sect, 1, page.title());
        for (ReceiptBlock block : page.blocks()) {
            block(sect, 2, block);
        }
        flow.skip(6);
    }

    /** @param level heading level index for this block's own heading (0 = H1) */
    private void block(PdfStructureElement parent, int level, ReceiptBlock block) throws DocumentException {
        if (block instanceof ReceiptBlock.Answers answers) {
            if (answers.heading() == null) {
                rows(parent, answers.rows());
            } else {
                PdfStructureElement sect = new PdfStructureElement(parent, PdfName.SECT);
                heading(sect, level, answers.heading());
                rows(sect, answers.rows());
            }
        } else if (block instanceof ReceiptBlock.RepeatedItems group) {
            repeated(parent, level, group);
        }
    }

    private void repeated(PdfStructureElement parent, int level, ReceiptBlock.RepeatedItems group)
            throws DocumentException {
        PdfStructureElement sect = new PdfStructureElement(parent, PdfName.SECT);
        int itemLevel = level;
        if (group.heading() != null) {
            heading(sect, level, group.heading());
            itemLevel = level + 1;
        }
        for (ReceiptBlock.Item item : group.items()) {
            PdfStructureElement itemSect = new PdfStructureElement(sect, PdfName.SECT);
            heading(itemSect, itemLevel, item.title());
            rows(itemSect, item.rows());
            for (ReceiptBlock.RepeatedItems nested : item.nested()) {
                repeated(itemSect, itemLevel + 1, nested);
            }
        }
    }

    private void heading(PdfStructureElement parent, int level, String text) throws DocumentException {
        int index = Math.min(level, HEADINGS.length - 1);
        float size = HEADING_STYLES[index].size;
        float leading = size * 1.3f;
        PdfStructureElement h = new PdfStructureElement(parent, HEADINGS[index]);
        flow.skip(level == 0 ? 0 : size * 0.6f);
        flow.keepSpace(leading + 3 * LEADING); // never alone at the bottom of a page
        flow.row(new TaggedFlow.Cell(h, phrase(text, HEADING_STYLES[index]), Layout.LEFT, Layout.RIGHT, leading));
        flow.skip(size * 0.4f);
    }

    private void rows(PdfStructureElement parent, List<ReceiptBlock.Row> rows) throws DocumentException {
        if (rows.isEmpty()) {
            return;
        }
        PdfStructureElement table = new PdfStructureElement(parent, PdfName.TABLE);
        for (ReceiptBlock.Row row : rows) {
            row(table, row.label(), row.value());
        }
        flow.skip(4);
    }

    private void row(PdfStructureElement table, String labelText, String value) throws DocumentException {
        PdfStructureElement tr = new PdfStructureElement(table, TR);
        PdfStructureElement th = new PdfStructureElement(tr, PdfName.TH);
        th.put(PdfName.A, rowHeader);
        PdfStructureElement td = new PdfStructureElement(tr, PdfName.TD);
        flow.skip(ROW_PADDING_TOP);
        flow.row(cell(th, labelText, Style.LABEL, Layout.LEFT, Layout.LABEL_RIGHT),
                cell(td, value, Style.BODY, Layout.VALUE_LEFT, Layout.RIGHT));
        flow.skip(ROW_PADDING_BOTTOM);
        flow.rule(Layout.LEFT, Layout.RIGHT);
    }

    private void attachments() throws DocumentException {
        List<AttachmentLine> files = receipt.attachments();
        if (files.isEmpty()) {
            return;
        }
        PdfStructureElement sect = new PdfStructureElement(root, PdfName.SECT);
        heading(sect, 1, labels.attachments());
        PdfStructureElement table = new PdfStructureElement(sect, PdfName.TABLE);
        float nameRight = Layout.LEFT + 175;
        float sizeLeft = nameRight + 10;
        float sizeRight = sizeLeft + 62;
        float hashLeft = sizeRight + 10;

        PdfStructureElement head = new PdfStructureElement(table, TR);
        PdfStructureElement[] ths = new PdfStructureElement[3];
        for (int i = 0; i < 3; i++) {
            ths[i] = new PdfStructureElement(head, PdfName.TH);
            ths[i].put(PdfName.A, columnHeader);
        }
        flow.skip(ROW_PADDING_TOP);
        flow.row(cell(ths[0], labels.attachmentName(), Style.LABEL, Layout.LEFT, nameRight),
                cell(ths[1], labels.attachmentSize(), Style.LABEL, sizeLeft, sizeRight),
                cell(ths[2], labels.sha256(), Style.LABEL, hashLeft, Layout.RIGHT));
        flow.skip(ROW_PADDING_BOTTOM);
        flow.rule(Layout.LEFT, Layout.RIGHT);

        NumberFormat number = NumberFormat.getNumberInstance(receipt.language());
        number.setMaximumFractionDigits(1);
        for (AttachmentLine file : files) {
            PdfStructureElement tr = new PdfStructureElement(table, TR);
            PdfStructureElement name = new PdfStructureElement(tr, PdfName.TD);
            PdfStructureElement size = new PdfStructureElement(tr, PdfName.TD);
            PdfStructureElement sum = new PdfStructureElement(tr, PdfName.TD);
            flow.skip(ROW_PADDING_TOP);
            flow.row(cell(name, file.name(), Style.BODY, Layout.LEFT, nameRight),
                    cell(size, size(file.size(), number), Style.BODY, sizeLeft, sizeRight),
                    cell(sum, file.sha256(), Style.HASH, hashLeft, Layout.RIGHT));
            flow.skip(ROW_PADDING_BOTTOM);
            flow.rule(Layout.LEFT, Layout.RIGHT);
        }
    }

    static String size(long bytes, NumberFormat number) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return number.format(bytes / 1024.0) + " KB";
        }
        return number.format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    /** A file name from the reference number: letters, digits, '-', '_' and '.'; "submission" if none. */
    static String fileBase(String reference) {
        StringBuilder sb = new StringBuilder(reference.length());
        for (int i = 0; i < reference.length() && sb.length() < 64; i++) {
            char c = reference.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || (c == '.' && sb.length() > 0)) {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? "submission" : sb.toString();
    }

    private String clean(String text) {
        return type.clean(text);
    }

    private Phrase phrase(String text, Style style) {
        return type.phrase(text, style);
    }

    private TaggedFlow.Cell cell(PdfStructureElement element, String text, Style style, float left, float right) {
        return new TaggedFlow.Cell(element, phrase(text, style), left, right, LEADING);
    }

    private static PdfDictionary scope(PdfName scope) {
        PdfDictionary attributes = new PdfDictionary();
        attributes.put(PdfName.O, PdfName.TABLE);
        attributes.put(SCOPE, scope);
        return attributes;
    }
}
