package org.formularium.backoffice;

import org.formularium.shared.crypto.ClearRowsEncryptor;
import org.formularium.shared.crypto.Envelope;
import org.formularium.submission.SubmissionAnswers;
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
 * tables {@code submission_event} and {@code submission_note}. Comments and notes are personal data: they
 * are stored encrypted ({@code *_encrypted}, bound to the submission).
 */
@Repository
class ReviewRepository implements ClearRowsEncryptor {

    private static final String NOTE_CONTEXT = "submission_note.text:";
    private static final String COMMENT_CONTEXT = "submission_event.comment:";
    private static final String PUBLIC_COMMENT_CONTEXT = "submission_event.public_comment:";

    private final DSLContext dsl;
    private final Envelope envelope;
    private final SubmissionAnswers answers;

    ReviewRepository(DSLContext dsl, Envelope envelope, SubmissionAnswers answers) {
        this.dsl = dsl;
        this.envelope = envelope;
        this.answers = answers;
    }

    Optional<SubmissionCase> find(String reference) {
        return dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.LANGUAGE, SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT, SUBMISSION.STATUS_CHANGED_AT,
                        SUBMISSION.ASSIGNED_TO, SUBMISSION.LOCK_VERSION, SUBMISSION.DATA_ENCRYPTED, SUBMISSION.DATA,
                        SUBMISSION.DELETED_AT, SUBMISSION.DELETION_REASON)
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
                .set(SUBMISSION_EVENT.COMMENT_ENCRYPTED, seal(comment, COMMENT_CONTEXT + submissionId))
                .set(SUBMISSION_EVENT.PUBLIC_COMMENT_ENCRYPTED, seal(publicComment, PUBLIC_COMMENT_CONTEXT + submissionId))
                .returning(SUBMISSION_EVENT.ID).fetchSingle().getId();
    }

    /** The history, oldest first. */
    List<HistoryEntry> history(long submissionId) {
        return dsl.selectFrom(SUBMISSION_EVENT).where(SUBMISSION_EVENT.SUBMISSION_ID.eq(submissionId))
                .orderBy(SUBMISSION_EVENT.ID)
                .fetch(r -> new HistoryEntry(r.getId(), HistoryEntry.Kind.valueOf(r.getKind()), r.getActor(), r.getAt(),
                        status(r.getFromStatus()), status(r.getToStatus()), r.getAssignedTo(),
                        open(r.getCommentEncrypted(), r.getComment(), COMMENT_CONTEXT + submissionId),
                        open(r.getPublicCommentEncrypted(), r.getPublicComment(), PUBLIC_COMMENT_CONTEXT + submissionId)));
    }

    long insertNote(long submissionId, String author, OffsetDateTime at, String text) {
        return dsl.insertInto(SUBMISSION_NOTE).set(SUBMISSION_NOTE.SUBMISSION_ID, submissionId)
                .set(SUBMISSION_NOTE.AUTHOR, author).set(SUBMISSION_NOTE.CREATED_AT, at)
                .set(SUBMISSION_NOTE.TEXT_ENCRYPTED, seal(text, NOTE_CONTEXT + submissionId))
                .returning(SUBMISSION_NOTE.ID).fetchSingle().getId();
    }

    /** The notes, oldest first. */
    List<Note> notes(long submissionId) {
        return dsl.selectFrom(SUBMISSION_NOTE).where(SUBMISSION_NOTE.SUBMISSION_ID.eq(submissionId))
                .orderBy(SUBMISSION_NOTE.ID)
                .fetch(r -> new Note(r.getId(), r.getAuthor(), r.getCreatedAt(),
                        open(r.getTextEncrypted(), r.getText(), NOTE_CONTEXT + submissionId)));
    }

    /** Encrypts notes and comments stored before encryption at rest; returns how many rows were done. */
    @Override
    public int encryptClearRows(int limit) {
        var notes = dsl.select(SUBMISSION_NOTE.ID, SUBMISSION_NOTE.SUBMISSION_ID, SUBMISSION_NOTE.TEXT).from(SUBMISSION_NOTE)
                .where(SUBMISSION_NOTE.TEXT.isNotNull()).limit(limit).forUpdate().skipLocked().fetch();
        for (var n : notes) {
            dsl.update(SUBMISSION_NOTE).set(SUBMISSION_NOTE.TEXT_ENCRYPTED, seal(n.value3(), NOTE_CONTEXT + n.value2()))
                    .set(SUBMISSION_NOTE.TEXT, (String) null).where(SUBMISSION_NOTE.ID.eq(n.value1())).execute();
        }
        var events = dsl.select(SUBMISSION_EVENT.ID, SUBMISSION_EVENT.SUBMISSION_ID, SUBMISSION_EVENT.COMMENT,
                        SUBMISSION_EVENT.PUBLIC_COMMENT).from(SUBMISSION_EVENT)
                .where(SUBMISSION_EVENT.COMMENT.isNotNull().or(SUBMISSION_EVENT.PUBLIC_COMMENT.isNotNull()))
                .limit(limit).forUpdate().skipLocked().fetch();
        for (var e : events) {
            var update = dsl.update(SUBMISSION_EVENT).set(SUBMISSION_EVENT.COMMENT, (String) null)
                    .set(SUBMISSION_EVENT.PUBLIC_COMMENT, (String) null);
            if (e.value3() != null) {
                update = update.set(SUBMISSION_EVENT.COMMENT_ENCRYPTED, seal(e.value3(), COMMENT_CONTEXT + e.value2()));
            }
            if (e.value4() != null) {
                update = update.set(SUBMISSION_EVENT.PUBLIC_COMMENT_ENCRYPTED,
                        seal(e.value4(), PUBLIC_COMMENT_CONTEXT + e.value2()));
            }
            update.where(SUBMISSION_EVENT.ID.eq(e.value1())).execute();
        }
        return notes.size() + events.size();
    }

    private byte[] seal(String text, String context) {
        return text == null ? null : envelope.sealText(text, context);
    }

    private String open(byte[] sealed, String clear, String context) {
        return sealed == null ? clear : envelope.openText(sealed, context);
    }

    private static SubmissionStatus status(String name) {
        return name == null ? null : SubmissionStatus.valueOf(name);
    }

    private SubmissionCase toCase(Record r) {
        return new SubmissionCase(r.get(SUBMISSION.ID), r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.FORM_KEY),
                r.get(SUBMISSION.FORM_VERSION), r.get(SUBMISSION.LANGUAGE),
                SubmissionStatus.valueOf(r.get(SUBMISSION.STATUS)), r.get(SUBMISSION.SUBMITTED_AT),
                r.get(SUBMISSION.STATUS_CHANGED_AT), r.get(SUBMISSION.ASSIGNED_TO), r.get(SUBMISSION.LOCK_VERSION),
                answers.open(r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.DATA_ENCRYPTED),
                        r.get(SUBMISSION.DATA) == null ? null : r.get(SUBMISSION.DATA).data()),
                r.get(SUBMISSION.DELETED_AT), r.get(SUBMISSION.DELETION_REASON));
    }
}
