package org.formularium.submission;

import java.util.Optional;

/**
 * Why the answers of a submission were deleted, as stored in {@code submission.deletion_reason}: by the
 * retention job, or erased on a data subject's request (with the request's id).
 */
public final class DeletionReason {

    public static final String RETENTION = "deleted by retention";
    private static final String ERASURE_PREFIX = "erased on request ";

    private DeletionReason() {
    }

    public static String erasure(long requestId) {
        return ERASURE_PREFIX + requestId;
    }

    /** The id of the data-subject request that erased the submission, if that was the reason. */
    public static Optional<Long> erasureRequest(String reason) {
        if (reason == null || !reason.startsWith(ERASURE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(reason.substring(ERASURE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
