package org.formularium.submission;

import org.formularium.definition.model.LocalizedText;

/** An upload was refused; {@code message} tells the citizen what to do, in German and English. */
public class AttachmentRejectedException extends RuntimeException {

    /** Why a file was refused. */
    public enum Reason { EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, TYPE_MISMATCH, UNSAFE_ARCHIVE, UNKNOWN_FORM }

    private final Reason reason;
    private final transient LocalizedText userMessage;

    public AttachmentRejectedException(Reason reason, LocalizedText userMessage) {
        super(reason + ": " + userMessage.get("en"));
        this.reason = reason;
        this.userMessage = userMessage;
    }

    public Reason reason() {
        return reason;
    }

    public LocalizedText userMessage() {
        return userMessage;
    }
}
