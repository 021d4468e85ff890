package org.formularium.submission;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** A stored submission with its answers (cleaned, pinned to {@code formVersion}). */
public record SubmissionRecord(long id, String reference, String formKey, int formVersion, String language,
                               Channel channel, JsonNode data, SubmissionStatus status, OffsetDateTime submittedAt,
                               OffsetDateTime statusChangedAt, OffsetDateTime acknowledgedAt, String privacyNotice,
                               OffsetDateTime consentAt, int lockVersion) {
}
