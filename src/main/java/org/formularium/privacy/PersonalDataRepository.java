package org.formularium.privacy;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.formularium.jooq.Tables.ATTACHMENT;
import static org.formularium.jooq.Tables.DRAFT;
import static org.formularium.jooq.Tables.OUTBOX;
import static org.formularium.jooq.Tables.SUBMISSION;
import static org.formularium.jooq.Tables.SUBMISSION_DOCUMENT;
import static org.formularium.jooq.Tables.SUBMISSION_EVENT;
import static org.formularium.jooq.Tables.SUBMISSION_NOTE;

/**
 * The ONE place where retention and data-subject requests touch personal content: searching answers and
 * drafts by indexed values (jsonb containment on the answers' indexed elements), and deleting answers,
 * documents, files, notes and pending work down to a tombstone. Everything else reads answers through the
 * submission and draft services.
 */
@Repository
class PersonalDataRepository {

    /** Key of the advisory lock that lets one retention run (of all instances) work at a time. */
    static final long RETENTION_LOCK = 0x466f726d52657431L;

    private final DSLContext dsl;

    PersonalDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A submission found by a search, without its answers. */
    record SubmissionHit(long id, String reference, String formKey, int formVersion, String status,
                         OffsetDateTime submittedAt, OffsetDateTime statusChangedAt) {
    }

    /** A draft found by a search, without its answers. */
    record DraftHit(long id, String formKey, int formVersion, OffsetDateTime updatedAt, OffsetDateTime expiresAt) {
    }

    /** How many submissions or drafts are due, and since when the oldest one is. */
    record Due(int count, OffsetDateTime oldest) {
    }

    /** Takes the retention lock for the current transaction; false when another run holds it. */
    boolean tryRetentionLock() {
        return Boolean.TRUE.equals(dsl.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class,
                DSL.val(RETENTION_LOCK))).fetchOne().value1());
    }

    /** Forms that have decided (final status), not yet deleted submissions. */
    List<String> formsWithDecided(Collection<String> finalStatuses) {
        return dsl.selectDistinct(SUBMISSION.FORM_KEY).from(SUBMISSION)
                .where(SUBMISSION.DELETED_AT.isNull()).and(SUBMISSION.STATUS.in(finalStatuses))
                .fetch(SUBMISSION.FORM_KEY);
    }

    /** Decided submissions of the form whose last status change is before the cut-off. */
    Due decidedBefore(String formKey, Collection<String> finalStatuses, OffsetDateTime cutoff) {
        var r = dsl.select(DSL.count(), DSL.min(SUBMISSION.STATUS_CHANGED_AT)).from(SUBMISSION)
                .where(decided(formKey, finalStatuses, cutoff)).fetchOne();
        return new Due(r.value1(), r.value2());
    }

    List<Long> decidedIdsBefore(String formKey, Collection<String> finalStatuses, OffsetDateTime cutoff) {
        return dsl.select(SUBMISSION.ID).from(SUBMISSION).where(decided(formKey, finalStatuses, cutoff))
                .orderBy(SUBMISSION.ID).fetch(SUBMISSION.ID);
    }

    private static Condition decided(String formKey, Collection<String> finalStatuses, OffsetDateTime cutoff) {
        return SUBMISSION.FORM_KEY.eq(formKey).and(SUBMISSION.DELETED_AT.isNull())
                .and(SUBMISSION.STATUS.in(finalStatuses)).and(SUBMISSION.STATUS_CHANGED_AT.lt(cutoff));
    }

    /** Expired drafts per form. */
    Map<String, Due> expiredDrafts(OffsetDateTime now) {
        return dsl.select(DRAFT.FORM_KEY, DSL.count(), DSL.min(DRAFT.EXPIRES_AT)).from(DRAFT)
                .where(DRAFT.EXPIRES_AT.le(now)).groupBy(DRAFT.FORM_KEY)
                .fetchMap(r -> r.value1(), r -> new Due(r.value2(), r.value3()));
    }

    int deleteExpiredDrafts(OffsetDateTime now) {
        return dsl.deleteFrom(DRAFT).where(DRAFT.EXPIRES_AT.le(now)).execute();
    }

    int deleteDrafts(Collection<Long> ids) {
        return ids.isEmpty() ? 0 : dsl.deleteFrom(DRAFT).where(DRAFT.ID.in(ids)).execute();
    }

    /**
     * Submissions of the form (not deleted) whose answers contain, for every group of the criteria, at least
     * one of the group's JSON documents ({@code data @> doc}). Each document names indexed elements only.
     */
    List<SubmissionHit> findSubmissions(String formKey, List<List<String>> criteria) {
        return dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT, SUBMISSION.STATUS_CHANGED_AT)
                .from(SUBMISSION)
                .where(SUBMISSION.FORM_KEY.eq(formKey)).and(SUBMISSION.DELETED_AT.isNull())
                .and(contains(SUBMISSION.INDEXED_DATA, criteria))
                .orderBy(SUBMISSION.SUBMITTED_AT, SUBMISSION.ID)
                .fetch(r -> new SubmissionHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** Drafts of the form found like {@link #findSubmissions}. */
    List<DraftHit> findDrafts(String formKey, List<List<String>> criteria) {
        return dsl.select(DRAFT.ID, DRAFT.FORM_KEY, DRAFT.FORM_VERSION, DRAFT.UPDATED_AT, DRAFT.EXPIRES_AT)
                .from(DRAFT)
                .where(DRAFT.FORM_KEY.eq(formKey)).and(contains(DRAFT.INDEXED_DATA, criteria))
                .orderBy(DRAFT.UPDATED_AT, DRAFT.ID)
                .fetch(r -> new DraftHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private static Condition contains(Field<JSONB> data, List<List<String>> criteria) {
        if (criteria.isEmpty()) {
            return DSL.falseCondition();
        }
        return DSL.and(criteria.stream()
                .map(any -> DSL.or(any.stream()
                        .map(doc -> DSL.condition("{0} @> {1}::jsonb", data, DSL.val(doc)))
                        .toList()))
                .toList());
    }

    /**
     * Deletes the personal content of the submissions and leaves tombstones: pending and dead outbox work,
     * documents (PDF, JSON, XML), attachments and internal notes are deleted, comments in the history are
     * cleared, the answers emptied and the privacy notice removed; reference, form, version, status and dates
     * stay. Rows are locked first so that a document being produced meanwhile is either deleted here or
     * refused by the database afterwards.
     *
     * @return the ids that were turned into tombstones (submissions already deleted are skipped)
     */
    List<Long> tombstone(Collection<Long> ids, String reason, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> live = dsl.select(SUBMISSION.ID).from(SUBMISSION)
                .where(SUBMISSION.ID.in(ids)).and(SUBMISSION.DELETED_AT.isNull())
                .orderBy(SUBMISSION.ID).forUpdate().fetch(SUBMISSION.ID);
        if (live.isEmpty()) {
            return live;
        }
        dsl.deleteFrom(OUTBOX).where(OUTBOX.SUBMISSION_ID.in(live)).and(OUTBOX.STATUS.in("PENDING", "DEAD")).execute();
        dsl.deleteFrom(SUBMISSION_DOCUMENT).where(SUBMISSION_DOCUMENT.SUBMISSION_ID.in(live)).execute();
        dsl.deleteFrom(ATTACHMENT).where(ATTACHMENT.SUBMISSION_ID.in(live)).execute();
        dsl.deleteFrom(SUBMISSION_NOTE).where(SUBMISSION_NOTE.SUBMISSION_ID.in(live)).execute();
        dsl.update(SUBMISSION_EVENT).set(SUBMISSION_EVENT.COMMENT, (String) null)
                .set(SUBMISSION_EVENT.PUBLIC_COMMENT, (String) null)
                .set(SUBMISSION_EVENT.COMMENT_ENCRYPTED, (byte[]) null)
                .set(SUBMISSION_EVENT.PUBLIC_COMMENT_ENCRYPTED, (byte[]) null)
                .where(SUBMISSION_EVENT.SUBMISSION_ID.in(live)).execute();
        dsl.update(SUBMISSION)
                .set(SUBMISSION.DATA, (JSONB) null)
                .set(SUBMISSION.DATA_ENCRYPTED, (byte[]) null)
                .set(SUBMISSION.INDEXED_DATA, (JSONB) null)
                .set(SUBMISSION.PRIVACY_NOTICE, (String) null)
                .set(SUBMISSION.REQUEST_HASH, "")
                .set(SUBMISSION.DELETED_AT, now)
                .set(SUBMISSION.DELETION_REASON, reason)
                .set(SUBMISSION.LOCK_VERSION, SUBMISSION.LOCK_VERSION.plus(1))
                .where(SUBMISSION.ID.in(live)).execute();
        return live;
    }

    /** References of submission ids, in id order. */
    Map<Long, String> references(Collection<Long> ids) {
        return dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE).from(SUBMISSION).where(SUBMISSION.ID.in(ids))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }
}
