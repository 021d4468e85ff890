package org.formularium.delivery;

/**
 * Does one kind of outbox work. Handlers must be idempotent: after a crash the same item may be handed
 * out again. Throw to have the item retried with backoff; {@link RetryLater} to wait without counting
 * it as a failure of the target.
 */
public interface OutboxHandler {

    /** The outbox kind this handler does, e.g. {@code DOCUMENTS}. */
    String kind();

    void handle(OutboxItem item) throws Exception;

    /** The item cannot be done yet (e.g. it waits for the PDF); try again soon. */
    class RetryLater extends RuntimeException {
        public RetryLater(String reason) {
            super(reason);
        }
    }
}
