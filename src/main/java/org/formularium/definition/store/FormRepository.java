package org.formularium.definition.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.definition.DefinitionJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.formularium.jooq.Tables.FORM;
import static org.formularium.jooq.Tables.FORM_VERSION;

/** Tables {@code form} and {@code form_version}. */
@Repository
class FormRepository {

    private final DSLContext dsl;
    private final ObjectMapper json = DefinitionJson.mapper();

    FormRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Long> formId(String key) {
        return dsl.select(FORM.ID).from(FORM).where(FORM.FORM_KEY.eq(key)).fetchOptional(FORM.ID);
    }

    /** Locks the form row so that concurrent publishes of one form run one after the other. */
    Optional<Long> lockForm(String key) {
        return dsl.select(FORM.ID).from(FORM).where(FORM.FORM_KEY.eq(key)).forUpdate().fetchOptional(FORM.ID);
    }

    long insertForm(String key, String user, OffsetDateTime now) {
        return dsl.insertInto(FORM)
                .set(FORM.FORM_KEY, key).set(FORM.CREATED_BY, user).set(FORM.UPDATED_BY, user)
                .set(FORM.CREATED_AT, now).set(FORM.UPDATED_AT, now)
                .onConflict(FORM.FORM_KEY).doNothing()
                .returning(FORM.ID).fetchOptional().map(r -> r.get(FORM.ID))
                .orElseThrow(() -> new FormKeyTakenException(key));
    }

    void touchForm(long formId, String user, OffsetDateTime now) {
        dsl.update(FORM).set(FORM.UPDATED_AT, now).set(FORM.UPDATED_BY, user).where(FORM.ID.eq(formId)).execute();
    }

    void setFormStatus(long formId, FormStatus status, String user, OffsetDateTime now) {
        dsl.update(FORM).set(FORM.STATUS, status.name()).set(FORM.UPDATED_AT, now).set(FORM.UPDATED_BY, user)
                .where(FORM.ID.eq(formId)).execute();
    }

    void insertVersion(long formId, int number, VersionStatus status, JsonNode definition, String user,
                       OffsetDateTime now) {
        dsl.insertInto(FORM_VERSION)
                .set(FORM_VERSION.FORM_ID, formId).set(FORM_VERSION.NUMBER, number)
                .set(FORM_VERSION.STATUS, status.name()).set(FORM_VERSION.DEFINITION, jsonb(definition))
                .set(FORM_VERSION.CREATED_AT, now).set(FORM_VERSION.CREATED_BY, user)
                .set(FORM_VERSION.UPDATED_AT, now).set(FORM_VERSION.UPDATED_BY, user)
                .set(FORM_VERSION.PUBLISHED_AT, status == VersionStatus.PUBLISHED ? now : null)
                .set(FORM_VERSION.PUBLISHED_BY, status == VersionStatus.PUBLISHED ? user : null)
                .execute();
    }

    /** Saves the draft if nobody saved it since {@code expectedLock}; returns the new lock or empty on conflict. */
    Optional<Integer> updateDraft(long formId, JsonNode definition, int expectedLock, String user, OffsetDateTime now) {
        return dsl.update(FORM_VERSION)
                .set(FORM_VERSION.DEFINITION, jsonb(definition))
                .set(FORM_VERSION.UPDATED_AT, now).set(FORM_VERSION.UPDATED_BY, user)
                .set(FORM_VERSION.LOCK_VERSION, FORM_VERSION.LOCK_VERSION.plus(1))
                .where(FORM_VERSION.FORM_ID.eq(formId)).and(FORM_VERSION.STATUS.eq(VersionStatus.DRAFT.name()))
                .and(FORM_VERSION.LOCK_VERSION.eq(expectedLock))
                .returning(FORM_VERSION.LOCK_VERSION).fetchOptional().map(r -> r.get(FORM_VERSION.LOCK_VERSION));
    }

    /** Turns the draft into a published version if its lock still matches; false on conflict. */
    boolean publishDraft(long formId, int expectedLock, String user, OffsetDateTime now) {
        return dsl.update(FORM_VERSION)
                .set(FORM_VERSION.STATUS, VersionStatus.PUBLISHED.name())
                .set(FORM_VERSION.PUBLISHED_AT, now).set(FORM_VERSION.PUBLISHED_BY, user)
                .set(FORM_VERSION.LOCK_VERSION, FORM_VERSION.LOCK_VERSION.plus(1))
                .where(FORM_VERSION.FORM_ID.eq(formId)).and(FORM_VERSION.STATUS.eq(VersionStatus.DRAFT.name()))
                .and(FORM_VERSION.LOCK_VERSION.eq(expectedLock))
                .execute() == 1;
    }

    int maxNumber(long formId) {
        Integer max = dsl.select(DSL.max(FORM_VERSION.NUMBER)).from(FORM_VERSION)
                .where(FORM_VERSION.FORM_ID.eq(formId)).fetchOne(0, Integer.class);
        return max == null ? 0 : max;
    }

    Optional<FormVersionInfo> draft(String key) {
        return versionsQuery(key).and(FORM_VERSION.STATUS.eq(VersionStatus.DRAFT.name()))
                .fetchOptional().map(this::toVersion);
    }

    Optional<FormVersionInfo> latestPublished(String key) {
        return versionsQuery(key).and(FORM_VERSION.STATUS.eq(VersionStatus.PUBLISHED.name()))
                .and(FORM.STATUS.eq(FormStatus.ACTIVE.name()))
                .orderBy(FORM_VERSION.NUMBER.desc()).limit(1).fetchOptional().map(this::toVersion);
    }

    /** Number of the newest published version of an active form (no definition read). */
    Optional<Integer> latestPublishedNumber(String key) {
        return dsl.select(DSL.max(FORM_VERSION.NUMBER)).from(FORM_VERSION).join(FORM).on(FORM.ID.eq(FORM_VERSION.FORM_ID))
                .where(FORM.FORM_KEY.eq(key)).and(FORM.STATUS.eq(FormStatus.ACTIVE.name()))
                .and(FORM_VERSION.STATUS.eq(VersionStatus.PUBLISHED.name()))
                .fetchOptional(0, Integer.class);
    }

    Optional<FormVersionInfo> version(String key, int number) {
        return versionsQuery(key).and(FORM_VERSION.NUMBER.eq(number)).fetchOptional().map(this::toVersion);
    }

    List<FormVersionInfo> versions(String key) {
        return versionsQuery(key).orderBy(FORM_VERSION.NUMBER.desc()).fetch(this::toVersion);
    }

    List<FormSummary> summaries(boolean publishedOnly) {
        var latestPublished = DSL.select(DSL.max(FORM_VERSION.NUMBER)).from(FORM_VERSION)
                .where(FORM_VERSION.FORM_ID.eq(FORM.ID)).and(FORM_VERSION.STATUS.eq(VersionStatus.PUBLISHED.name()))
                .asField("latest_published");
        var draft = DSL.select(FORM_VERSION.NUMBER).from(FORM_VERSION)
                .where(FORM_VERSION.FORM_ID.eq(FORM.ID)).and(FORM_VERSION.STATUS.eq(VersionStatus.DRAFT.name()))
                .asField("draft_number");
        var newestTitle = DSL.select(DSL.field("{0}->'title'", JSONB.class, FORM_VERSION.DEFINITION)).from(FORM_VERSION)
                .where(FORM_VERSION.FORM_ID.eq(FORM.ID)).orderBy(FORM_VERSION.NUMBER.desc()).limit(1)
                .asField("title");
        var query = dsl.select(FORM.FORM_KEY, FORM.STATUS, FORM.UPDATED_AT, FORM.UPDATED_BY, latestPublished, draft,
                newestTitle).from(FORM);
        var condition = publishedOnly
                ? DSL.exists(DSL.selectOne().from(FORM_VERSION).where(FORM_VERSION.FORM_ID.eq(FORM.ID))
                .and(FORM_VERSION.STATUS.eq(VersionStatus.PUBLISHED.name()))).and(FORM.STATUS.eq(FormStatus.ACTIVE.name()))
                : DSL.trueCondition();
        return query.where(condition).orderBy(FORM.FORM_KEY).fetch(r -> {
            JsonNode title = read((JSONB) r.get("title"));
            return new FormSummary(r.get(FORM.FORM_KEY), FormStatus.valueOf(r.get(FORM.STATUS)),
                    title.path("de").asText(r.get(FORM.FORM_KEY)), title.path("en").asText(null),
                    (Integer) r.get("latest_published"), (Integer) r.get("draft_number"),
                    r.get(FORM.UPDATED_AT), r.get(FORM.UPDATED_BY));
        });
    }

    private org.jooq.SelectConditionStep<Record> versionsQuery(String key) {
        return dsl.select(FORM.FORM_KEY).select(FORM_VERSION.fields()).from(FORM_VERSION).join(FORM)
                .on(FORM.ID.eq(FORM_VERSION.FORM_ID)).where(FORM.FORM_KEY.eq(key));
    }

    private FormVersionInfo toVersion(Record r) {
        return new FormVersionInfo(r.get(FORM.FORM_KEY), r.get(FORM_VERSION.NUMBER),
                VersionStatus.valueOf(r.get(FORM_VERSION.STATUS)), read(r.get(FORM_VERSION.DEFINITION)),
                r.get(FORM_VERSION.CREATED_AT), r.get(FORM_VERSION.CREATED_BY), r.get(FORM_VERSION.UPDATED_AT),
                r.get(FORM_VERSION.UPDATED_BY), r.get(FORM_VERSION.PUBLISHED_AT), r.get(FORM_VERSION.PUBLISHED_BY),
                r.get(FORM_VERSION.LOCK_VERSION));
    }

    private JSONB jsonb(JsonNode node) {
        try {
            return JSONB.valueOf(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("definition cannot be written as JSON", e);
        }
    }

    private JsonNode read(JSONB value) {
        if (value == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(value.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition is not JSON", e);
        }
    }
}
