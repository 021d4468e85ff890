package org.formularium.backoffice;

/** A review action the workflow does not allow; {@link #reason()} is a stable code for the UI and API. */
public class ReviewRefusedException extends RuntimeException {

    public enum Reason {
        /** The target status cannot follow the current one. */
        TRANSITION_NOT_ALLOWED,
        /** Needs information and rejected require an internal comment. */
        COMMENT_REQUIRED,
        /** A comment or note is longer than allowed. */
        TEXT_TOO_LONG,
        /** An empty note. */
        NOTE_EMPTY,
        /** The colleague is not responsible for the form. */
        ASSIGNEE_NOT_RESPONSIBLE,
        /** Only the tombstone of the submission is left (deleted by retention or erased on request). */
        DELETED
    }

    private final Reason reason;

    public ReviewRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
