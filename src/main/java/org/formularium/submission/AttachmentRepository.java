package org.formularium.submission;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.formularium.jooq.Tables.ATTACHMENT;

/** Table {@code attachment}. */
@Repository
class AttachmentRepository {

    private final DSLContext dsl;

    AttachmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(StoredAttachment attachment, String formKey, byte[] content, OffsetDateTime now) {
        dsl.insertInto(ATTACHMENT)
                .set(ATTACHMENT.ID, attachment.id()).set(ATTACHMENT.FORM_KEY, formKey)
                .set(ATTACHMENT.FILE_NAME, attachment.name()).set(ATTACHMENT.MEDIA_TYPE, attachment.mediaType())
                .set(ATTACHMENT.SIZE_BYTES, attachment.size()).set(ATTACHMENT.SHA256, attachment.sha256())
                .set(ATTACHMENT.CONTENT, content).set(ATTACHMENT.CREATED_AT, now)
                .execute();
    }

    /** Attachments of the form that are not yet bound to another submission. */
    List<StoredAttachment> findBindable(String formKey, Collection<UUID> ids, Long submissionId) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.FILE_NAME, ATTACHMENT.SIZE_BYTES, ATTACHMENT.MEDIA_TYPE,
                        ATTACHMENT.SHA256)
                .from(ATTACHMENT)
                .where(ATTACHMENT.ID.in(ids)).and(ATTACHMENT.FORM_KEY.eq(formKey))
                .and(submissionId == null ? ATTACHMENT.SUBMISSION_ID.isNull()
                        : ATTACHMENT.SUBMISSION_ID.isNull().or(ATTACHMENT.SUBMISSION_ID.eq(submissionId)))
                .fetch(r -> new StoredAttachment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    void bind(Collection<UUID> ids, long submissionId) {
        if (!ids.isEmpty()) {
            dsl.update(ATTACHMENT).set(ATTACHMENT.SUBMISSION_ID, submissionId)
                    .where(ATTACHMENT.ID.in(ids)).and(ATTACHMENT.SUBMISSION_ID.isNull()).execute();
        }
    }

    List<StoredAttachment> ofSubmission(long submissionId) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.FILE_NAME, ATTACHMENT.SIZE_BYTES, ATTACHMENT.MEDIA_TYPE,
                        ATTACHMENT.SHA256)
                .from(ATTACHMENT).where(ATTACHMENT.SUBMISSION_ID.eq(submissionId)).orderBy(ATTACHMENT.CREATED_AT)
                .fetch(r -> new StoredAttachment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    Optional<byte[]> content(UUID id) {
        return dsl.select(ATTACHMENT.CONTENT).from(ATTACHMENT).where(ATTACHMENT.ID.eq(id)).fetchOptional(ATTACHMENT.CONTENT);
    }

    Optional<StoredAttachment> find(UUID id) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.FILE_NAME, ATTACHMENT.SIZE_BYTES, ATTACHMENT.MEDIA_TYPE,
                        ATTACHMENT.SHA256)
                .from(ATTACHMENT).where(ATTACHMENT.ID.eq(id))
                .fetchOptional(r -> new StoredAttachment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Removes pending uploads older than the cut-off that no submission took (abandoned drafts). */
    int deletePendingBefore(OffsetDateTime cutoff, Collection<UUID> keep) {
        var condition = ATTACHMENT.SUBMISSION_ID.isNull().and(ATTACHMENT.CREATED_AT.lt(cutoff));
        if (!keep.isEmpty()) {
            condition = condition.and(ATTACHMENT.ID.notIn(keep));
        }
        return dsl.deleteFrom(ATTACHMENT).where(condition).execute();
    }
}
