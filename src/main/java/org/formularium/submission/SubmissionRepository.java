package org.formularium.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.IndexedData;
import org.formularium.shared.crypto.Envelope;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.formularium.jooq.Tables.OUTBOX;
import static org.formularium.jooq.Tables.SUBMISSION;
import static org.formularium.jooq.Tables.SUBMISSION_DOCUMENT;

/**
 * Tables {@code submission}, {@code submission_document} and the submission's rows in {@code outbox}. The
 * answers and documents are stored encrypted ({@code data_encrypted}, {@code content_encrypted}, bound to the
 * reference resp. submission and kind); only the indexed answers stay in clear ({@code indexed_data}).
 */
@Repository
class SubmissionRepository {

    static final String DOCUMENT_CONTEXT = "submission_document.content:";

    private final DSLContext dsl;
    private final Envelope envelope;
    private final SubmissionAnswers answers;
    private final ObjectMapper json = DefinitionJson.mapper();

    SubmissionRepository(DSLContext dsl, Envelope envelope, SubmissionAnswers answers) {
        this.dsl = dsl;
        this.envelope = envelope;
        this.answers = answers;
    }

    /**
     * The next {@code count} numbers of {@code submission_reference_seq} in one round trip (the service hands
     * them out one by one; numbers of a block that is not used up are simply skipped).
     */
    List<Long> nextReferenceNumbers(int count) {
        return dsl.select(DSL.field("nextval('submission_reference_seq')", Long.class))
                .from(DSL.generateSeries(1, count)).fetch(0, Long.class);
    }

    /** The answers encrypted for the submission's row (bound to its reference). */
    byte[] seal(String reference, JsonNode data) {
        return answers.seal(reference, data);
    }

    /**
     * Inserts the submissions in one statement, skipping those whose idempotency key exists (or occurs earlier
     * in the list); returns the new ids by index in {@code rows}.
     */
    Map<Integer, Long> insertAll(List<SubmissionWriter.NewSubmission> rows) {
        InsertSetStep<org.formularium.jooq.tables.records.SubmissionRecord> first = dsl.insertInto(SUBMISSION);
        InsertSetMoreStep<org.formularium.jooq.tables.records.SubmissionRecord> insert = null;
        for (SubmissionWriter.NewSubmission row : rows) {
            insert = (insert == null ? first : insert.newRecord())
                    .set(SUBMISSION.REFERENCE, row.reference()).set(SUBMISSION.ACCESS_CODE_HASH, row.accessCodeHash())
                    .set(SUBMISSION.FORM_KEY, row.formKey()).set(SUBMISSION.FORM_VERSION, row.version())
                    .set(SUBMISSION.LANGUAGE, row.language()).set(SUBMISSION.CHANNEL, row.channel().name())
                    .set(SUBMISSION.IDEMPOTENCY_KEY, row.idempotencyKey()).set(SUBMISSION.REQUEST_HASH, row.requestHash())
                    .set(SUBMISSION.DATA_ENCRYPTED, row.sealedData())
                    .set(SUBMISSION.INDEXED_DATA, jsonb(row.indexedData())).set(SUBMISSION.SUBMITTED_AT, row.submittedAt())
                    .set(SUBMISSION.STATUS_CHANGED_AT, row.submittedAt())
                    .set(SUBMISSION.PRIVACY_NOTICE, row.privacyNotice()).set(SUBMISSION.CONSENT_AT, row.consentAt());
        }
        Map<String, Long> byKey = new HashMap<>();
        insert.onConflict(SUBMISSION.IDEMPOTENCY_KEY).doNothing()
                .returning(SUBMISSION.ID, SUBMISSION.IDEMPOTENCY_KEY)
                .fetch().forEach(r -> byKey.put(r.get(SUBMISSION.IDEMPOTENCY_KEY), r.get(SUBMISSION.ID)));
        Map<Integer, Long> ids = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            // a key twice in one batch: the first row was inserted, the second is a replay of it
            Long id = byKey.remove(rows.get(i).idempotencyKey());
            if (id != null) {
                ids.put(i, id);
            }
        }
        return ids;
    }

    record Existing(SubmissionRecord submission, String requestHash) {
    }

    Optional<Existing> findByIdempotencyKey(String idempotencyKey) {
        return dsl.selectFrom(SUBMISSION).where(SUBMISSION.IDEMPOTENCY_KEY.eq(idempotencyKey)).fetchOptional()
                .map(r -> new Existing(toRecord(r), r.getRequestHash()));
    }

    Optional<SubmissionRecord> findByReference(String reference) {
        return dsl.selectFrom(SUBMISSION).where(SUBMISSION.REFERENCE.eq(reference)).fetchOptional().map(this::toRecord);
    }

    Optional<SubmissionRecord> findById(long id) {
        return dsl.selectFrom(SUBMISSION).where(SUBMISSION.ID.eq(id)).fetchOptional().map(this::toRecord);
    }

    /** Submissions after {@code afterId} in id order, filtered; one page for cursor paging. */
    List<SubmissionRecord> list(String formKey, SubmissionStatus status, OffsetDateTime since,
                                          Boolean acknowledged, long afterId, int limit) {
        var condition = SUBMISSION.ID.gt(afterId);
        if (formKey != null) {
            condition = condition.and(SUBMISSION.FORM_KEY.eq(formKey));
        }
        if (status != null) {
            condition = condition.and(SUBMISSION.STATUS.eq(status.name()));
        }
        if (since != null) {
            condition = condition.and(SUBMISSION.SUBMITTED_AT.ge(since));
        }
        if (acknowledged != null) {
            condition = condition.and(acknowledged ? SUBMISSION.ACKNOWLEDGED_AT.isNotNull() : SUBMISSION.ACKNOWLEDGED_AT.isNull());
        }
        return dsl.selectFrom(SUBMISSION).where(condition).orderBy(SUBMISSION.ID).limit(limit).fetch(this::toRecord);
    }

    boolean acknowledge(String reference, OffsetDateTime now) {
        return dsl.update(SUBMISSION).set(SUBMISSION.ACKNOWLEDGED_AT, now)
                .where(SUBMISSION.REFERENCE.eq(reference)).and(SUBMISSION.ACKNOWLEDGED_AT.isNull()).execute() == 1;
    }

    Optional<String> accessCodeHash(String reference) {
        return dsl.select(SUBMISSION.ACCESS_CODE_HASH).from(SUBMISSION).where(SUBMISSION.REFERENCE.eq(reference))
                .fetchOptional(SUBMISSION.ACCESS_CODE_HASH);
    }

    /** The outbox items of one new submission: one per kind, all with the same payload. */
    record OutboxWork(long submissionId, List<String> kinds, JsonNode payload, OffsetDateTime now) {
    }

    /** Queues the outbox items of several submissions in one statement. */
    void addOutbox(List<OutboxWork> work) {
        if (work.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(OUTBOX, OUTBOX.KIND, OUTBOX.SUBMISSION_ID, OUTBOX.PAYLOAD, OUTBOX.NEXT_ATTEMPT_AT,
                OUTBOX.CREATED_AT);
        for (OutboxWork item : work) {
            JSONB body = jsonb(item.payload());
            for (String kind : item.kinds()) {
                insert = insert.values(kind, item.submissionId(), body, item.now(), item.now());
            }
        }
        insert.execute();
    }

    void saveDocument(long submissionId, String kind, String mediaType, byte[] content, String sha256,
                      OffsetDateTime now) {
        dsl.insertInto(SUBMISSION_DOCUMENT)
                .set(SUBMISSION_DOCUMENT.SUBMISSION_ID, submissionId).set(SUBMISSION_DOCUMENT.KIND, kind)
                .set(SUBMISSION_DOCUMENT.MEDIA_TYPE, mediaType)
                .set(SUBMISSION_DOCUMENT.CONTENT_ENCRYPTED, envelope.seal(content, documentContext(submissionId, kind)))
                .set(SUBMISSION_DOCUMENT.SHA256, sha256).set(SUBMISSION_DOCUMENT.CREATED_AT, now)
                .onConflict(SUBMISSION_DOCUMENT.SUBMISSION_ID, SUBMISSION_DOCUMENT.KIND).doNothing()
                .execute();
    }

    Optional<byte[]> document(long submissionId, String kind) {
        return dsl.select(SUBMISSION_DOCUMENT.CONTENT_ENCRYPTED, SUBMISSION_DOCUMENT.CONTENT).from(SUBMISSION_DOCUMENT)
                .where(SUBMISSION_DOCUMENT.SUBMISSION_ID.eq(submissionId)).and(SUBMISSION_DOCUMENT.KIND.eq(kind))
                .fetchOptional()
                .flatMap(r -> r.value1() != null ? Optional.of(envelope.open(r.value1(), documentContext(submissionId, kind)))
                        : Optional.ofNullable(r.value2()));
    }

    static String documentContext(long submissionId, String kind) {
        return DOCUMENT_CONTEXT + submissionId + ":" + kind;
    }

    /**
     * Encrypts up to {@code limit} submissions stored before encryption at rest (clear {@code data}) and
     * empties their clear column; {@code indexed} computes the clear part. Returns how many were done.
     */
    int encryptClearRows(int limit, IndexedData.ByVersion indexed) {
        var rows = dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.DATA)
                .from(SUBMISSION).where(SUBMISSION.DATA.isNotNull()).and(SUBMISSION.DATA_ENCRYPTED.isNull())
                .limit(limit).forUpdate().skipLocked().fetch();
        for (Record r : rows) {
            JsonNode data = read(r.get(SUBMISSION.DATA));
            dsl.update(SUBMISSION)
                    .set(SUBMISSION.DATA_ENCRYPTED, answers.seal(r.get(SUBMISSION.REFERENCE), data))
                    .set(SUBMISSION.INDEXED_DATA, jsonb(indexed.of(r.get(SUBMISSION.FORM_KEY), r.get(SUBMISSION.FORM_VERSION), data)))
                    .set(SUBMISSION.DATA, (JSONB) null)
                    .where(SUBMISSION.ID.eq(r.get(SUBMISSION.ID))).execute();
        }
        var documents = dsl.select(SUBMISSION_DOCUMENT.SUBMISSION_ID, SUBMISSION_DOCUMENT.KIND, SUBMISSION_DOCUMENT.CONTENT)
                .from(SUBMISSION_DOCUMENT).where(SUBMISSION_DOCUMENT.CONTENT.isNotNull())
                .and(SUBMISSION_DOCUMENT.CONTENT_ENCRYPTED.isNull()).limit(limit).forUpdate().skipLocked().fetch();
        for (var d : documents) {
            dsl.update(SUBMISSION_DOCUMENT)
                    .set(SUBMISSION_DOCUMENT.CONTENT_ENCRYPTED, envelope.seal(d.value3(), documentContext(d.value1(), d.value2())))
                    .set(SUBMISSION_DOCUMENT.CONTENT, (byte[]) null)
                    .where(SUBMISSION_DOCUMENT.SUBMISSION_ID.eq(d.value1())).and(SUBMISSION_DOCUMENT.KIND.eq(d.value2()))
                    .execute();
        }
        return rows.size() + documents.size();
    }

    private SubmissionRecord toRecord(Record r) {
        return new SubmissionRecord(r.get(SUBMISSION.ID), r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.FORM_KEY),
                r.get(SUBMISSION.FORM_VERSION), r.get(SUBMISSION.LANGUAGE), Channel.valueOf(r.get(SUBMISSION.CHANNEL)),
                answers.open(r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.DATA_ENCRYPTED),
                        r.get(SUBMISSION.DATA) == null ? null : r.get(SUBMISSION.DATA).data()), SubmissionStatus.valueOf(r.get(SUBMISSION.STATUS)),
                r.get(SUBMISSION.SUBMITTED_AT), r.get(SUBMISSION.STATUS_CHANGED_AT), r.get(SUBMISSION.ACKNOWLEDGED_AT),
                r.get(SUBMISSION.PRIVACY_NOTICE), r.get(SUBMISSION.CONSENT_AT), r.get(SUBMISSION.LOCK_VERSION),
                r.get(SUBMISSION.DELETED_AT), r.get(SUBMISSION.DELETION_REASON));
    }

    private JSONB jsonb(JsonNode node) {
        try {
            return JSONB.valueOf(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(JSONB value) {
        try {
            return json.readTree(value.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored submission is not JSON", e);
        }
    }
}
