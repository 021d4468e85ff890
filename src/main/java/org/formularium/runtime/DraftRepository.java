package org.formularium.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.IndexedData;
import org.formularium.definition.schema.JsonText;
import org.formularium.shared.crypto.Envelope;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.formularium.jooq.Tables.DRAFT;

/**
 * Table {@code draft}. The answers are stored encrypted ({@code data_encrypted}, bound to the form); the
 * indexed answers in clear ({@code indexed_data}).
 */
@Repository
class DraftRepository {

    private static final String DATA_CONTEXT = "draft.data:";

    private final DSLContext dsl;
    private final Envelope envelope;
    private final ObjectMapper json = DefinitionJson.mapper();

    DraftRepository(DSLContext dsl, Envelope envelope) {
        this.dsl = dsl;
        this.envelope = envelope;
    }

    void insert(String formKey, int version, String tokenHash, JsonNode data, JsonNode indexed, String currentPage,
                OffsetDateTime now, OffsetDateTime expiresAt) {
        dsl.insertInto(DRAFT).set(DRAFT.FORM_KEY, formKey).set(DRAFT.FORM_VERSION, version)
                .set(DRAFT.TOKEN_HASH, tokenHash).set(DRAFT.DATA_ENCRYPTED, seal(formKey, data))
                .set(DRAFT.INDEXED_DATA, jsonb(indexed)).set(DRAFT.CURRENT_PAGE, currentPage)
                .set(DRAFT.CREATED_AT, now).set(DRAFT.UPDATED_AT, now).set(DRAFT.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Updates the form's draft unless it has expired; false when there was none to update. */
    boolean update(String tokenHash, String formKey, int version, JsonNode data, JsonNode indexed, String currentPage,
                   OffsetDateTime now, OffsetDateTime expiresAt) {
        return dsl.update(DRAFT).set(DRAFT.FORM_VERSION, version).set(DRAFT.DATA_ENCRYPTED, seal(formKey, data))
                .set(DRAFT.INDEXED_DATA, jsonb(indexed)).set(DRAFT.DATA, (JSONB) null)
                .set(DRAFT.CURRENT_PAGE, currentPage).set(DRAFT.UPDATED_AT, now).set(DRAFT.EXPIRES_AT, expiresAt)
                .where(DRAFT.TOKEN_HASH.eq(tokenHash)).and(DRAFT.FORM_KEY.eq(formKey)).and(DRAFT.EXPIRES_AT.gt(now))
                .execute() == 1;
    }

    boolean replaceTokenHash(String oldHash, String newHash, OffsetDateTime now) {
        return dsl.update(DRAFT).set(DRAFT.TOKEN_HASH, newHash).set(DRAFT.UPDATED_AT, now)
                .where(DRAFT.TOKEN_HASH.eq(oldHash)).and(DRAFT.EXPIRES_AT.gt(now))
                .execute() == 1;
    }

    Optional<Draft> findValid(String formKey, String tokenHash, OffsetDateTime now) {
        return dsl.selectFrom(DRAFT).where(DRAFT.TOKEN_HASH.eq(tokenHash)).and(DRAFT.FORM_KEY.eq(formKey))
                .and(DRAFT.EXPIRES_AT.gt(now)).fetchOptional().map(this::toDraft);
    }

    Optional<Draft> findById(long id) {
        return dsl.selectFrom(DRAFT).where(DRAFT.ID.eq(id)).fetchOptional().map(this::toDraft);
    }

    void delete(String tokenHash) {
        dsl.deleteFrom(DRAFT).where(DRAFT.TOKEN_HASH.eq(tokenHash)).execute();
    }

    int deleteExpired(OffsetDateTime now) {
        return dsl.deleteFrom(DRAFT).where(DRAFT.EXPIRES_AT.le(now)).execute();
    }

    private Draft toDraft(Record r) {
        byte[] sealed = r.get(DRAFT.DATA_ENCRYPTED);
        ObjectNode data = sealed != null ? read(envelope.openText(sealed, DATA_CONTEXT + r.get(DRAFT.FORM_KEY)))
                : r.get(DRAFT.DATA) != null ? read(r.get(DRAFT.DATA).data()) : json.createObjectNode();
        return new Draft(r.get(DRAFT.ID), r.get(DRAFT.FORM_KEY), r.get(DRAFT.FORM_VERSION), data,
                r.get(DRAFT.CURRENT_PAGE), r.get(DRAFT.UPDATED_AT), r.get(DRAFT.EXPIRES_AT));
    }

    /** Encrypts up to {@code limit} drafts saved before encryption at rest and empties their clear column. */
    int encryptClearRows(int limit, IndexedData.ByVersion indexed) {
        var rows = dsl.select(DRAFT.ID, DRAFT.FORM_KEY, DRAFT.FORM_VERSION, DRAFT.DATA).from(DRAFT)
                .where(DRAFT.DATA.isNotNull()).and(DRAFT.DATA_ENCRYPTED.isNull())
                .limit(limit).forUpdate().skipLocked().fetch();
        for (var r : rows) {
            ObjectNode data = read(r.value4().data());
            dsl.update(DRAFT).set(DRAFT.DATA_ENCRYPTED, seal(r.value2(), data))
                    .set(DRAFT.INDEXED_DATA, jsonb(indexed.of(r.value2(), r.value3(), data)))
                    .set(DRAFT.DATA, (JSONB) null).where(DRAFT.ID.eq(r.value1())).execute();
        }
        return rows.size();
    }

    private byte[] seal(String formKey, JsonNode data) {
        try {
            return envelope.seal(json.writeValueAsBytes(JsonText.clean(data)), DATA_CONTEXT + formKey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JSONB jsonb(JsonNode node) {
        try {
            return JSONB.valueOf(json.writeValueAsString(JsonText.clean(node)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ObjectNode read(String value) {
        try {
            JsonNode node = json.readTree(value);
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored draft is not JSON", e);
        }
    }
}
