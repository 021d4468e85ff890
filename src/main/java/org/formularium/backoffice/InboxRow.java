package org.formularium.backoffice;

import org.formularium.submission.SubmissionStatus;

import java.time.OffsetDateTime;

/** One line of the inbox (no answers); {@code deletionReason} is set for a tombstone. */
public record InboxRow(long id, String reference, String formKey, int formVersion, SubmissionStatus status,
                       OffsetDateTime submittedAt, OffsetDateTime statusChangedAt, String assignedTo,
                       String deletionReason) {
}
