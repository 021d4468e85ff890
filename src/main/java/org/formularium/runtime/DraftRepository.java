package org.formularium.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.jooq.DSLContext;
import org.formularium.definition.schema.JsonText;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.formularium.jooq.Tables.DRAFT;

/** Table {@code draft}. */
@Repository
class DraftRepository {

    private final DSLContext dsl;
    private final ObjectMapper json = DefinitionJson.mapper();

    DraftRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String formKey, int version, String tokenHash, JsonNode data, String currentPage,
                OffsetDateTime now, OffsetDateTime expiresAt) {
        dsl.insertInto(DRAFT).set(DRAFT.FORM_KEY, formKey).set(DRAFT.FORM_VERSION, version)
                .set(DRAFT.TOKEN_HASH, tokenHash).set(DRAFT.DATA, jsonb(data)).set(DRAFT.CURRENT_PAGE, currentPage)
                .set(DRAFT.CREATED_AT, now).set(DRAFT.UPDATED_AT, now).set(DRAFT.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Updates the draft unless it has expired; false when there was none to update. */
    boolean update(String tokenHash, int version, JsonNode data, String currentPage, OffsetDateTime now,
                   OffsetDateTime expiresAt) {
        return dsl.update(DRAFT).set(DRAFT.FORM_VERSION, version).set(DRAFT.DATA, jsonb(data))
                .set(DRAFT.CURRENT_PAGE, currentPage).set(DRAFT.UPDATED_AT, now).set(DRAFT.EXPIRES_AT, expiresAt)
                .where(DRAFT.TOKEN_HASH.eq(tokenHash)).and(DRAFT.EXPIRES_AT.gt(now))
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
        return new Draft(r.get(DRAFT.ID), r.get(DRAFT.FORM_KEY), r.get(DRAFT.FORM_VERSION), read(r.get(DRAFT.DATA)),
                r.get(DRAFT.CURRENT_PAGE), r.get(DRAFT.UPDATED_AT), r.get(DRAFT.EXPIRES_AT));
    }

    private JSONB jsonb(JsonNode node) {
        try {
            return JSONB.valueOf(json.writeValueAsString(JsonText.clean(node)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ObjectNode read(JSONB value) {
        try {
            JsonNode node = json.readTree(value.data());
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored draft is not JSON", e);
        }
    }
}
