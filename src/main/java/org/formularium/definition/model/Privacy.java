package org.formularium.definition.model;

/** Privacy notice and retention of a form; absent optional values are {@code null}. */
public record Privacy(
        LocalizedText notice,
        Boolean consentRequired,
        LocalizedText controller,
        LocalizedText legalBasis,
        LocalizedText purpose,
        Integer retentionDays,
        Integer draftRetentionDays) {

    /** Whether the citizen must consent to the notice before submitting (default false). */
    public boolean consentRequiredOrFalse() {
        return Boolean.TRUE.equals(consentRequired);
    }
}
