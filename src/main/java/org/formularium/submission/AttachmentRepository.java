package org.formularium.submission;

import org.formularium.shared.crypto.ClearRowsEncryptor;
import org.formularium.shared.crypto.Envelope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.formularium.jooq.Tables.ATTACHMENT;

/**
 * Table {@code attachment}. File content and name are stored encrypted ({@code content_encrypted},
 * {@code file_name_encrypted}, bound to the attachment's id); size, media type and hash stay in clear.
 */
@Repository
class AttachmentRepository implements ClearRowsEncryptor {

    private static final String CONTENT_CONTEXT = "attachment.content:";
    private static final String NAME_CONTEXT = "attachment.file_name:";
    private static final List<SelectField<?>> META = List.of(ATTACHMENT.ID, ATTACHMENT.FILE_NAME_ENCRYPTED,
            ATTACHMENT.FILE_NAME, ATTACHMENT.SIZE_BYTES, ATTACHMENT.MEDIA_TYPE, ATTACHMENT.SHA256);

    private final DSLContext dsl;
    private final Envelope envelope;

    AttachmentRepository(DSLContext dsl, Envelope envelope) {
        this.dsl = dsl;
        this.envelope = envelope;
    }

    void insert(StoredAttachment attachment, String formKey, byte[] content, OffsetDateTime now) {
        dsl.insertInto(ATTACHMENT)
                .set(ATTACHMENT.ID, attachment.id()).set(ATTACHMENT.FORM_KEY, formKey)
                .set(ATTACHMENT.FILE_NAME_ENCRYPTED, envelope.sealText(attachment.name(), NAME_CONTEXT + attachment.id()))
                .set(ATTACHMENT.MEDIA_TYPE, attachment.mediaType())
                .set(ATTACHMENT.SIZE_BYTES, attachment.size()).set(ATTACHMENT.SHA256, attachment.sha256())
                .set(ATTACHMENT.CONTENT_ENCRYPTED, envelope.seal(content, CONTENT_CONTEXT + attachment.id()))
                .set(ATTACHMENT.CREATED_AT, now)
                .execute();
    }

    /** Attachments of the form that are not yet bound to another submission. */
    List<StoredAttachment> findBindable(String formKey, Collection<UUID> ids, Long submissionId) {
        return dsl.select(META)
                .from(ATTACHMENT)
                .where(ATTACHMENT.ID.in(ids)).and(ATTACHMENT.FORM_KEY.eq(formKey))
                .and(submissionId == null ? ATTACHMENT.SUBMISSION_ID.isNull()
                        : ATTACHMENT.SUBMISSION_ID.isNull().or(ATTACHMENT.SUBMISSION_ID.eq(submissionId)))
                .fetch(this::toAttachment);
    }

    void bind(Collection<UUID> ids, long submissionId) {
        if (!ids.isEmpty()) {
            dsl.update(ATTACHMENT).set(ATTACHMENT.SUBMISSION_ID, submissionId)
                    .where(ATTACHMENT.ID.in(ids)).and(ATTACHMENT.SUBMISSION_ID.isNull()).execute();
        }
    }

    List<StoredAttachment> ofSubmission(long submissionId) {
        return dsl.select(META)
                .from(ATTACHMENT).where(ATTACHMENT.SUBMISSION_ID.eq(submissionId)).orderBy(ATTACHMENT.CREATED_AT)
                .fetch(this::toAttachment);
    }

    Optional<byte[]> content(UUID id) {
        return dsl.select(ATTACHMENT.CONTENT_ENCRYPTED, ATTACHMENT.CONTENT).from(ATTACHMENT).where(ATTACHMENT.ID.eq(id))
                .fetchOptional()
                .flatMap(r -> r.value1() != null ? Optional.of(envelope.open(r.value1(), CONTENT_CONTEXT + id))
                        : Optional.ofNullable(r.value2()));
    }

    private StoredAttachment toAttachment(Record r) {
        UUID id = r.get(ATTACHMENT.ID);
        byte[] sealedName = r.get(ATTACHMENT.FILE_NAME_ENCRYPTED);
        String name = sealedName != null ? envelope.openText(sealedName, NAME_CONTEXT + id) : r.get(ATTACHMENT.FILE_NAME);
        return new StoredAttachment(id, name, r.get(ATTACHMENT.SIZE_BYTES), r.get(ATTACHMENT.MEDIA_TYPE),
                r.get(ATTACHMENT.SHA256));
    }

    /** Encrypts up to {@code limit} attachments stored before encryption at rest and empties their clear columns. */
    @Override
    public int encryptClearRows(int limit) {
        var rows = dsl.select(ATTACHMENT.ID, ATTACHMENT.FILE_NAME, ATTACHMENT.CONTENT).from(ATTACHMENT)
                .where(ATTACHMENT.CONTENT.isNotNull().or(ATTACHMENT.FILE_NAME.isNotNull()))
                .limit(limit).forUpdate().skipLocked().fetch();
        for (var r : rows) {
            var update = dsl.update(ATTACHMENT).set(ATTACHMENT.CONTENT, (byte[]) null).set(ATTACHMENT.FILE_NAME, (String) null);
            if (r.value2() != null) {
                update = update.set(ATTACHMENT.FILE_NAME_ENCRYPTED, envelope.sealText(r.value2(), NAME_CONTEXT + r.value1()));
            }
            if (r.value3() != null) {
                update = update.set(ATTACHMENT.CONTENT_ENCRYPTED, envelope.seal(r.value3(), CONTENT_CONTEXT + r.value1()));
            }
            update.where(ATTACHMENT.ID.eq(r.value1())).execute();
        }
        return rows.size();
    }

    Optional<StoredAttachment> find(UUID id) {
        return dsl.select(META)
                .from(ATTACHMENT).where(ATTACHMENT.ID.eq(id))
                .fetchOptional(this::toAttachment);
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
