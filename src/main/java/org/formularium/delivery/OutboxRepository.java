package org.formularium.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.shared.crypto.ClearRowsEncryptor;
import org.formularium.shared.crypto.Envelope;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.formularium.jooq.Tables.OUTBOX;

/**
 * Table {@code outbox}. Items are claimed with {@code FOR UPDATE SKIP LOCKED} and leased (their next
 * attempt moves into the future), so several instances never work on the same item at once and an item
 * whose worker died is picked up again when its lease runs out. Personal parts of a payload
 * ({@link #PERSONAL_KEYS}) are stored encrypted in {@code payload_encrypted} and merged back when the item is
 * claimed.
 */
@Repository
class OutboxRepository implements ClearRowsEncryptor {

    /** Top-level payload keys that can carry personal data: a public comment, a webhook's event (it may quote one). */
    static final Set<String> PERSONAL_KEYS = Set.of("publicComment", "event");
    private static final String PAYLOAD_CONTEXT = "outbox.payload:";

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final Envelope envelope;

    OutboxRepository(DSLContext dsl, ObjectMapper json, Envelope envelope) {
        this.dsl = dsl;
        this.json = json;
        this.envelope = envelope;
    }

    List<OutboxItem> claim(int limit, OffsetDateTime now, OffsetDateTime leaseUntil) {
        var due = DSL.select(OUTBOX.ID).from(OUTBOX)
                .where(OUTBOX.STATUS.eq("PENDING")).and(OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID).limit(limit).forUpdate().skipLocked();
        return dsl.update(OUTBOX)
                .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                .set(OUTBOX.NEXT_ATTEMPT_AT, leaseUntil)
                .where(OUTBOX.ID.in(due))
                .returning(OUTBOX.ID, OUTBOX.KIND, OUTBOX.SUBMISSION_ID, OUTBOX.PAYLOAD, OUTBOX.PAYLOAD_ENCRYPTED,
                        OUTBOX.ATTEMPTS)
                .fetch(r -> new OutboxItem(r.getId(), r.getKind(), r.getSubmissionId(),
                        merge(read(r.getPayload()), r.getPayloadEncrypted(), r.getSubmissionId()), r.getAttempts()));
    }

    /**
     * Renews the lease of an item just before a worker starts on it; false when the item is no longer this
     * worker's: another worker claimed it since (its lease ran out while it waited in this worker's batch —
     * the claim counts {@code attempts} up, so the attempt number is the fencing token) or it is finished.
     */
    boolean renew(long id, int attempt, OffsetDateTime leaseUntil) {
        return dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, leaseUntil)
                .where(OUTBOX.ID.eq(id)).and(OUTBOX.ATTEMPTS.eq(attempt)).and(OUTBOX.STATUS.eq("PENDING"))
                .execute() == 1;
    }

    void done(long id, OffsetDateTime now) {
        dsl.update(OUTBOX).set(OUTBOX.STATUS, "DONE").set(OUTBOX.DONE_AT, now).set(OUTBOX.LAST_ERROR, (String) null)
                .where(OUTBOX.ID.eq(id)).execute();
    }

    void retry(long id, OffsetDateTime at, String error, boolean countAttempt) {
        var update = dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, at).set(OUTBOX.LAST_ERROR, error);
        if (!countAttempt) {
            update = update.set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.minus(1));
        }
        update.where(OUTBOX.ID.eq(id)).execute();
    }

    void dead(long id, String error) {
        dsl.update(OUTBOX).set(OUTBOX.STATUS, "DEAD").set(OUTBOX.LAST_ERROR, error).where(OUTBOX.ID.eq(id)).execute();
    }

    /** Puts a dead (or pending) item back to work now (admins' "retry now"). */
    boolean retryNow(long id, OffsetDateTime now) {
        return dsl.update(OUTBOX).set(OUTBOX.STATUS, "PENDING").set(OUTBOX.NEXT_ATTEMPT_AT, now)
                .set(OUTBOX.ATTEMPTS, 0)
                .where(OUTBOX.ID.eq(id)).and(OUTBOX.STATUS.in("DEAD", "PENDING")).execute() == 1;
    }

    /** Adds work once: a second add with the same dedupe key is ignored (fan-out retried after a crash). */
    void add(String kind, Long submissionId, JsonNode payload, String dedupeKey, OffsetDateTime now) {
        JsonNode clear = payload;
        byte[] personal = null;
        if (payload instanceof ObjectNode object && PERSONAL_KEYS.stream().anyMatch(object::has)) {
            ObjectNode rest = object.deepCopy();
            ObjectNode secret = json.createObjectNode();
            PERSONAL_KEYS.forEach(key -> {
                if (rest.has(key)) {
                    secret.set(key, rest.remove(key));
                }
            });
            clear = rest;
            personal = envelope.sealText(write(secret), PAYLOAD_CONTEXT + submissionId);
        }
        dsl.insertInto(OUTBOX).set(OUTBOX.KIND, kind).set(OUTBOX.SUBMISSION_ID, submissionId)
                .set(OUTBOX.PAYLOAD, JSONB.valueOf(write(clear))).set(OUTBOX.PAYLOAD_ENCRYPTED, personal)
                .set(OUTBOX.DEDUPE_KEY, dedupeKey)
                .set(OUTBOX.NEXT_ATTEMPT_AT, now).set(OUTBOX.CREATED_AT, now)
                .onConflict(OUTBOX.DEDUPE_KEY).doNothing().execute();
    }

    record Stats(int pending, int dead, OffsetDateTime oldestPending, int failedRecently) {
    }

    Stats stats(OffsetDateTime since) {
        var r = dsl.select(
                        DSL.count().filterWhere(OUTBOX.STATUS.eq("PENDING")),
                        DSL.count().filterWhere(OUTBOX.STATUS.eq("DEAD")),
                        DSL.min(OUTBOX.CREATED_AT).filterWhere(OUTBOX.STATUS.eq("PENDING")),
                        DSL.count().filterWhere(OUTBOX.LAST_ERROR.isNotNull().and(OUTBOX.CREATED_AT.ge(since))))
                .from(OUTBOX).fetchOne();
        return new Stats(r.value1(), r.value2(), r.value3(), r.value4());
    }

    record Row(long id, String kind, Long submissionId, String status, int attempts, OffsetDateTime nextAttemptAt,
               String lastError, OffsetDateTime createdAt) {
    }

    List<Row> list(Optional<String> status, int limit) {
        var condition = status.map(OUTBOX.STATUS::eq).orElse(DSL.trueCondition());
        return dsl.select(OUTBOX.ID, OUTBOX.KIND, OUTBOX.SUBMISSION_ID, OUTBOX.STATUS, OUTBOX.ATTEMPTS,
                        OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.LAST_ERROR, OUTBOX.CREATED_AT)
                .from(OUTBOX).where(condition).orderBy(OUTBOX.ID.desc()).limit(limit)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /** Dead webhook deliveries of one webhook (kind WEBHOOK, payload {@code webhookId}). */
    List<Row> deadOfWebhook(String kind, long webhookId, int limit) {
        return dsl.select(OUTBOX.ID, OUTBOX.KIND, OUTBOX.SUBMISSION_ID, OUTBOX.STATUS, OUTBOX.ATTEMPTS,
                        OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.LAST_ERROR, OUTBOX.CREATED_AT)
                .from(OUTBOX).where(OUTBOX.STATUS.eq("DEAD")).and(OUTBOX.KIND.eq(kind))
                .and(DSL.condition("{0} ->> 'webhookId' = {1}", OUTBOX.PAYLOAD, DSL.val(String.valueOf(webhookId))))
                .orderBy(OUTBOX.ID.desc()).limit(limit)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    private JsonNode merge(JsonNode clear, byte[] personal, Long submissionId) {
        if (personal == null || !(clear instanceof ObjectNode object)) {
            return clear;
        }
        try {
            object.setAll((ObjectNode) json.readTree(envelope.openText(personal, PAYLOAD_CONTEXT + submissionId)));
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves personal parts of payloads stored before encryption at rest into {@code payload_encrypted}. */
    @Override
    public int encryptClearRows(int limit) {
        var condition = DSL.or(PERSONAL_KEYS.stream().map(key -> DSL.condition("jsonb_exists({0}, {1})", OUTBOX.PAYLOAD, DSL.val(key)))
                .toList());
        var rows = dsl.select(OUTBOX.ID, OUTBOX.SUBMISSION_ID, OUTBOX.PAYLOAD).from(OUTBOX)
                .where(condition).and(OUTBOX.PAYLOAD_ENCRYPTED.isNull()).limit(limit).forUpdate().skipLocked().fetch();
        for (var r : rows) {
            ObjectNode payload = (ObjectNode) read(r.value3());
            ObjectNode secret = json.createObjectNode();
            PERSONAL_KEYS.forEach(key -> {
                if (payload.has(key)) {
                    secret.set(key, payload.remove(key));
                }
            });
            dsl.update(OUTBOX).set(OUTBOX.PAYLOAD, JSONB.valueOf(write(payload)))
                    .set(OUTBOX.PAYLOAD_ENCRYPTED, envelope.sealText(write(secret), PAYLOAD_CONTEXT + r.value2()))
                    .where(OUTBOX.ID.eq(r.value1())).execute();
        }
        return rows.size();
    }

    private JsonNode read(JSONB value) {
        try {
            return json.readTree(value.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
