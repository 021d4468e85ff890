package org.formularium.privacy;

import java.time.OffsetDateTime;

/** One run of the retention job and what it deleted. */
public record RetentionRun(long id, Kind kind, String actor, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                           int submissionsDeleted, int draftsDeleted) {

    /** Started by the schedule or by an admin ("run now"). */
    public enum Kind {
        SCHEDULED, MANUAL
    }
}
