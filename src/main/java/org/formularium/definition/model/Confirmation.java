package org.formularium.definition.model;

/** What the citizen sees and receives after submitting; absent optional values are {@code null}. */
public record Confirmation(LocalizedText text, String emailElement, Boolean attachPdf) {

    /** Whether the receipt PDF is attached to the confirmation e-mail (default false). */
    public boolean attachPdfOrFalse() {
        return Boolean.TRUE.equals(attachPdf);
    }
}
