package org.formularium.submission;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A stored submission with its answers (cleaned, pinned to {@code formVersion}). A tombstone (answers deleted by
 * retention or on request) has {@code deletedAt} and {@code deletionReason} set and empty {@code data}.
 */
public record SubmissionRecord(long id, String reference, String formKey, int formVersion, String language,
                               Channel channel, JsonNode data, SubmissionStatus status, OffsetDateTime submittedAt,
                               OffsetDateTime statusChangedAt, OffsetDateTime acknowledgedAt, String privacyNotice,
                               OffsetDateTime consentAt, int lockVersion, OffsetDateTime deletedAt,
                               String deletionReason) {

    /** Whether only the tombstone is left (answers, documents and files deleted). */
    public boolean deleted() {
        return deletedAt != null;
    }
}
