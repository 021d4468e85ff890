package org.formularium.privacy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of processing activities (Art. 30(1) GDPR) of one form, in one language, generated from its
 * published definition and the installation's configuration. Texts are already in the record's language.
 *
 * @param controller        the organisation of the form's branding pack, with the controller named in the
 *                          definition's privacy section when it gives one
 * @param purposes          form title, description and the definition's purpose
 * @param categories        categories of personal data, each with the labels of the fields it comes from
 * @param dataSubjects      categories of data subjects
 * @param recipients        who receives the data or notice of it
 * @param retentionDays     how long submissions are kept ({@code null}: not set in the definition)
 * @param draftRetentionDays how long unfinished drafts are kept
 * @param measures          technical and organisational measures (Art. 32)
 */
public record ProcessingRecord(String formKey, int version, String language, String title, String controller,
                               String privacyContact, List<String> purposes, String legalBasis,
                               List<Category> categories, List<String> dataSubjects, List<Recipient> recipients,
                               Integer retentionDays, int draftRetentionDays, List<String> measures,
                               OffsetDateTime generatedAt) {

    public ProcessingRecord {
        purposes = List.copyOf(purposes);
        categories = List.copyOf(categories);
        dataSubjects = List.copyOf(dataSubjects);
        recipients = List.copyOf(recipients);
        measures = List.copyOf(measures);
    }

    /** A category of personal data and the fields (labels) it was derived from. */
    public record Category(DataCategory category, String label, List<String> fields) {
        public Category {
            fields = List.copyOf(fields);
        }
    }

    /** A recipient: internal clerks, e-mail notifications, webhook hosts, API keys that may read submissions. */
    public record Recipient(Kind kind, String name, String detail) {

        /** What kind of recipient. */
        public enum Kind { CLERKS, CLERK_MAIL, WEBHOOK, API_KEY }
    }

    /** Whether the record lists a category. */
    public boolean has(DataCategory category) {
        return categories.stream().anyMatch(c -> c.category() == category);
    }
}
