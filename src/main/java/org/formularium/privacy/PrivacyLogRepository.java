package org.formularium.privacy;

import org.formularium.jooq.tables.records.DataSubjectRequestRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.formularium.jooq.Tables.DATA_SUBJECT_REQUEST;
import static org.formularium.jooq.Tables.RETENTION_RUN;

/** Tables {@code retention_run} and {@code data_subject_request}: what was deleted, searched or exported (no content). */
@Repository
class PrivacyLogRepository {

    private final DSLContext dsl;

    PrivacyLogRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    RetentionRun insertRun(RetentionRun.Kind kind, String actor, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                           int submissions, int drafts) {
        long id = dsl.insertInto(RETENTION_RUN)
                .set(RETENTION_RUN.KIND, kind.name()).set(RETENTION_RUN.ACTOR, actor)
                .set(RETENTION_RUN.STARTED_AT, startedAt).set(RETENTION_RUN.FINISHED_AT, finishedAt)
                .set(RETENTION_RUN.SUBMISSIONS_DELETED, submissions).set(RETENTION_RUN.DRAFTS_DELETED, drafts)
                .returning(RETENTION_RUN.ID).fetchSingle().getId();
        return new RetentionRun(id, kind, actor, startedAt, finishedAt, submissions, drafts);
    }

    Optional<RetentionRun> lastRun(RetentionRun.Kind kind) {
        var query = dsl.selectFrom(RETENTION_RUN);
        var filtered = kind == null ? query : query.where(RETENTION_RUN.KIND.eq(kind.name()));
        return filtered.orderBy(RETENTION_RUN.STARTED_AT.desc(), RETENTION_RUN.ID.desc()).limit(1)
                .fetchOptional(r -> new RetentionRun(r.getId(), RetentionRun.Kind.valueOf(r.getKind()), r.getActor(),
                        r.getStartedAt(), r.getFinishedAt(), r.getSubmissionsDeleted(), r.getDraftsDeleted()));
    }

    long insertRequest(DataSubjectRequest.Type type, String criteriaKinds, String criteriaHash, String admin,
                       OffsetDateTime at, List<String> references, int drafts) {
        return dsl.insertInto(DATA_SUBJECT_REQUEST)
                .set(DATA_SUBJECT_REQUEST.TYPE, type.name()).set(DATA_SUBJECT_REQUEST.CRITERIA_KINDS, criteriaKinds)
                .set(DATA_SUBJECT_REQUEST.CRITERIA_HASH, criteriaHash).set(DATA_SUBJECT_REQUEST.ADMIN_USER, admin)
                .set(DATA_SUBJECT_REQUEST.AT, at)
                .set(DATA_SUBJECT_REQUEST.SUBMISSION_REFERENCES, references.toArray(String[]::new))
                .set(DATA_SUBJECT_REQUEST.DRAFT_COUNT, drafts)
                .returning(DATA_SUBJECT_REQUEST.ID).fetchSingle().getId();
    }

    void updateAffected(long id, List<String> references, int drafts) {
        dsl.update(DATA_SUBJECT_REQUEST)
                .set(DATA_SUBJECT_REQUEST.SUBMISSION_REFERENCES, references.toArray(String[]::new))
                .set(DATA_SUBJECT_REQUEST.DRAFT_COUNT, drafts)
                .where(DATA_SUBJECT_REQUEST.ID.eq(id)).execute();
    }

    /** The newest requests first. */
    List<DataSubjectRequest> requests(int limit) {
        return dsl.selectFrom(DATA_SUBJECT_REQUEST)
                .orderBy(DATA_SUBJECT_REQUEST.AT.desc(), DATA_SUBJECT_REQUEST.ID.desc()).limit(limit)
                .fetch(PrivacyLogRepository::toRequest);
    }

    Optional<DataSubjectRequest> request(long id) {
        return dsl.selectFrom(DATA_SUBJECT_REQUEST).where(DATA_SUBJECT_REQUEST.ID.eq(id))
                .fetchOptional(PrivacyLogRepository::toRequest);
    }

    private static DataSubjectRequest toRequest(DataSubjectRequestRecord r) {
        return new DataSubjectRequest(r.getId(), DataSubjectRequest.Type.valueOf(r.getType()), r.getCriteriaKinds(),
                r.getCriteriaHash(), r.getAdminUser(), r.getAt(), List.copyOf(Arrays.asList(r.getSubmissionReferences())),
                r.getDraftCount());
    }
}
