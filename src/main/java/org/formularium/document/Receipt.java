package org.formularium.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a submission receipt shows, already formatted for display. Independent of the form model:
 * whoever knows the form (the answer outline) fills it; {@link ReceiptRenderer} only draws it.
 *
 * @param language      language of the document ({@code /Lang}, number formats)
 * @param documentTitle title shown by PDF viewers (document information and XMP)
 * @param formTitle     the form's title, the document's only first-level heading
 * @param submittedAt   submission time, already formatted for {@code language}
 * @param json          the submission's structured data, embedded as associated file ({@code /Data})
 * @param xml           the same data as XML, embedded as associated file ({@code /Source})
 */
public record Receipt(
        Locale language,
        String documentTitle,
        Branding branding,
        String formTitle,
        int formVersion,
        String reference,
        String submittedAt,
        List<ReceiptPage> pages,
        List<AttachmentLine> attachments,
        byte[] json,
        byte[] xml,
        ReceiptLabels labels) {

    public Receipt {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(documentTitle, "documentTitle");
        Objects.requireNonNull(branding, "branding");
        Objects.requireNonNull(formTitle, "formTitle");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(submittedAt, "submittedAt");
        pages = List.copyOf(pages);
        attachments = List.copyOf(attachments);
        json = Objects.requireNonNull(json, "json").clone();
        xml = Objects.requireNonNull(xml, "xml").clone();
        Objects.requireNonNull(labels, "labels");
    }

    /** A copy of the embedded JSON. */
    @Override
    public byte[] json() {
        return json.clone();
    }

    /** A copy of the embedded XML. */
    @Override
    public byte[] xml() {
        return xml.clone();
    }

    /** The arrays without copying, for the renderer in this package. */
    byte[] jsonBytes() {
        return json;
    }

    byte[] xmlBytes() {
        return xml;
    }
}
