package org.formularium.privacy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of a data-subject request: which kinds of criteria were used (never their values, only a hash),
 * by whom, when, and which submissions it found, exported or erased.
 */
public record DataSubjectRequest(long id, Type type, String criteriaKinds, String criteriaHash, String adminUser,
                                 OffsetDateTime at, List<String> submissionReferences, int draftCount) {

    /** Search (finding), export (Art. 15/20 GDPR), erasure (Art. 17 GDPR). */
    public enum Type {
        SEARCH, EXPORT, ERASE
    }
}
