package org.formularium.backoffice;

import org.formularium.definition.model.LocalizedText;
import org.formularium.submission.SubmissionStatus;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a citizen sees of their submission: status, dates and the public comments of each status change.
 * Never the answers, the internal comments or who worked on it.
 */
public record PublicStatus(String reference, LocalizedText formTitle, SubmissionStatus status,
                           OffsetDateTime submittedAt, OffsetDateTime statusChangedAt, List<Step> steps) {

    public PublicStatus {
        steps = List.copyOf(steps);
    }

    /** A status change, oldest first; {@code publicComment} may be {@code null}. */
    public record Step(OffsetDateTime at, SubmissionStatus status, String publicComment) {
    }
}
