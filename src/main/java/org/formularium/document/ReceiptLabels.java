package org.formularium.document;

import java.util.Objects;

/**
 * The receipt's fixed texts in the receipt's language, supplied by the caller from the i18n bundles so
 * that this package holds no user-visible strings.
 *
 * @param pageXofY          page footer as a {@link java.text.MessageFormat} pattern, e.g.
 *                          "Seite {0} von {1}"
 * @param attachmentName    column header for file names
 * @param attachmentSize    column header for file sizes
 * @param sha256            column header for checksums, e.g. "Prüfsumme (SHA-256)"
 * @param jsonDescription   description of the embedded JSON file
 * @param xmlDescription    description of the embedded XML file
 */
public record ReceiptLabels(
        String reference,
        String submittedAt,
        String form,
        String version,
        String attachments,
        String attachmentName,
        String attachmentSize,
        String sha256,
        String pageXofY,
        String jsonDescription,
        String xmlDescription) {

    public ReceiptLabels {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(attachmentName, "attachmentName");
        Objects.requireNonNull(attachmentSize, "attachmentSize");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pageXofY, "pageXofY");
        Objects.requireNonNull(jsonDescription, "jsonDescription");
        Objects.requireNonNull(xmlDescription, "xmlDescription");
    }
}
