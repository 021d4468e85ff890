package org.formularium.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.submission.SubmissionStatus;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.formularium.jooq.Tables.SUBMISSION;
import static org.formularium.jooq.Tables.SUBMISSION_EVENT;
import static org.formularium.jooq.Tables.SUBMISSION_NOTE;

/**
 * The review's columns of {@code submission} (status, assignee, lock version — never the answers) and the
 * tables {@code submission_event} and {@code submission_note}.
 */
@Repository
class ReviewRepository {

    private final DSLContext dsl;
    private final ObjectMapper json;

    ReviewRepository(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    Optional<SubmissionCase> find(String reference) {
        return dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.LANGUAGE, SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT, SUBMISSION.STATUS_CHANGED_AT,
                        SUBMISSION.ASSIGNED_TO, SUBMISSION.LOCK_VERSION, SUBMISSION.DATA, SUBMISSION.DELETED_AT,
                        SUBMISSION.DELETION_REASON)
                .from(SUBMISSION).where(SUBMISSION.REFERENCE.eq(reference))
                .fetchOptional(this::toCase);
    }

    /** Sets the status if nobody changed the submission since {@code expectedLock}; false otherwise. */
    boolean updateStatus(long id, int expectedLock, SubmissionStatus to, OffsetDateTime now) {
        return dsl.update(SUBMISSION)
                .set(SUBMISSION.STATUS, to.name()).set(SUBMISSION.STATUS_CHANGED_AT, now)
                .set(SUBMISSION.LOCK_VERSION, SUBMISSION.LOCK_VERSION.plus(1))
                .where(SUBMISSION.ID.eq(id)).and(SUBMISSION.LOCK_VERSION.eq(expectedLock))
                .execute() == 1;
    }

    boolean updateAssignee(long id, int expectedLock, String assignee) {
        return dsl.update(SUBMISSION)
                .set(SUBMISSION.ASSIGNED_TO, assignee)
                .set(SUBMISSION.LOCK_VERSION, SUBMISSION.LOCK_VERSION.plus(1))
                .where(SUBMISSION.ID.eq(id)).and(SUBMISSION.LOCK_VERSION.eq(expectedLock))
                .execute() == 1;
    }

    long insertEvent(long submissionId, HistoryEntry.Kind kind, String actor, OffsetDateTime at,
                     SubmissionStatus from, SubmissionStatus to, String assignedTo, String comment,
                     String publicComment) {
        return dsl.insertInto(SUBMISSION_EVENT)
                .set(SUBMISSION_EVENT.SUBMISSION_ID, submissionId).set(SUBMISSION_EVENT.KIND, kind.name())
                .set(SUBMISSION_EVENT.ACTOR, actor).set(SUBMISSION_EVENT.AT, at)
                .set(SUBMISSION_EVENT.FROM_STATUS, from == null ? null : from.name())
                .set(SUBMISSION_EVENT.TO_STATUS, to == null ? null : to.name())
                .set(SUBMISSION_EVENT.ASSIGNED_TO, assignedTo)
                .set(SUBMISSION_EVENT.COMMENT, comment).set(SUBMISSION_EVENT.PUBLIC_COMMENT, publicComment)
                .returning(SUBMISSION_EVENT.ID).fetchSingle().getId();
    }

    /** The history, oldest first. */
    List<HistoryEntry> history(long submissionId) {
        return dsl.selectFrom(SUBMISSION_EVENT).where(SUBMISSION_EVENT.SUBMISSION_ID.eq(submissionId))
                .orderBy(SUBMISSION_EVENT.ID)
                .fetch(r -> new HistoryEntry(r.getId(), HistoryEntry.Kind.valueOf(r.getKind()), r.getActor(), r.getAt(),
                        status(r.getFromStatus()), status(r.getToStatus()), r.getAssignedTo(), r.getComment(),
                        r.getPublicComment()));
    }

    long insertNote(long submissionId, String author, OffsetDateTime at, String text) {
        return dsl.insertInto(SUBMISSION_NOTE).set(SUBMISSION_NOTE.SUBMISSION_ID, submissionId)
                .set(SUBMISSION_NOTE.AUTHOR, author).set(SUBMISSION_NOTE.CREATED_AT, at)
                .set(SUBMISSION_NOTE.TEXT, text)
                .returning(SUBMISSION_NOTE.ID).fetchSingle().getId();
    }

    /** The notes, oldest first. */
    List<Note> notes(long submissionId) {
        return dsl.selectFrom(SUBMISSION_NOTE).where(SUBMISSION_NOTE.SUBMISSION_ID.eq(submissionId))
                .orderBy(SUBMISSION_NOTE.ID)
                .fetch(r -> new Note(r.getId(), r.getAuthor(), r.getCreatedAt(), r.getText()));
    }

    private static SubmissionStatus status(String name) {
        return name == null ? null : SubmissionStatus.valueOf(name);
    }

    private SubmissionCase toCase(Record r) {
        try {
            return new SubmissionCase(r.get(SUBMISSION.ID), r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.FORM_KEY),
                    r.get(SUBMISSION.FORM_VERSION), r.get(SUBMISSION.LANGUAGE),
                    SubmissionStatus.valueOf(r.get(SUBMISSION.STATUS)), r.get(SUBMISSION.SUBMITTED_AT),
                    r.get(SUBMISSION.STATUS_CHANGED_AT), r.get(SUBMISSION.ASSIGNED_TO), r.get(SUBMISSION.LOCK_VERSION),
                    json.readTree(r.get(SUBMISSION.DATA).data()), r.get(SUBMISSION.DELETED_AT),
                    r.get(SUBMISSION.DELETION_REASON));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored submission is not JSON", e);
        }
    }
}
