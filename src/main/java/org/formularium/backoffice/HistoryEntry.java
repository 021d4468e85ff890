package org.formularium.backoffice;

import org.formularium.submission.SubmissionStatus;

import java.time.OffsetDateTime;

/**
 * One step in the review of a submission.
 *
 * @param from          for status changes: the status before
 * @param to            for status changes: the new status
 * @param assignedTo    for assignments: the new assignee ({@code null}: unassigned)
 * @param comment       internal comment (clerks only)
 * @param publicComment shown to the citizen in the status lookup and the status mail
 */
public record HistoryEntry(long id, Kind kind, String actor, OffsetDateTime at, SubmissionStatus from,
                           SubmissionStatus to, String assignedTo, String comment, String publicComment) {

    public enum Kind {
        STATUS, ASSIGNMENT
    }
}
