package org.formularium.submission;

/** Published inside the submitting transaction; listeners that act after commit use {@code @TransactionalEventListener}. */
public record SubmissionSubmitted(long submissionId, String reference, String formKey, int formVersion) {
}
