package org.formularium.submission;

/** The idempotency key was used before for a different request (other form or other data). */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException() {
        super("This idempotency key was already used for a different submission");
    }
}
