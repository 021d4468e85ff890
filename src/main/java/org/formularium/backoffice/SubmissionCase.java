package org.formularium.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.submission.SubmissionStatus;

import java.time.OffsetDateTime;

/**
 * A submission as the back office works on it.
 *
 * @param lockVersion changes with every status change and assignment; actions carry the value the clerk saw
 * @param deletedAt   set for a tombstone (deleted by retention or erased on request), with {@code deletionReason}
 */
public record SubmissionCase(long id, String reference, String formKey, int formVersion, String language,
                             SubmissionStatus status, OffsetDateTime submittedAt, OffsetDateTime statusChangedAt,
                             String assignedTo, int lockVersion, JsonNode data, OffsetDateTime deletedAt,
                             String deletionReason) {

    /** Whether only the tombstone is left: answers, documents, files and notes were deleted. */
    public boolean deleted() {
        return deletedAt != null;
    }
}
