package org.formularium.submission;

/** The review workflow: received → in review → needs information → approved | rejected → closed. */
public enum SubmissionStatus {
    RECEIVED, IN_REVIEW, NEEDS_INFORMATION, APPROVED, REJECTED, CLOSED
}
