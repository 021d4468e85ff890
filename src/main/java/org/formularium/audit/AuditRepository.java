package org.formularium.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.formularium.jooq.Routines.auditPrune;
import static org.formularium.jooq.Sequences.AUDIT_ENTRY_SEQ;
import static org.formularium.jooq.Tables.AUDIT_ANCHOR;
import static org.formularium.jooq.Tables.AUDIT_ENTRY;

/** Tables {@code audit_entry} and {@code audit_anchor}. */
@Repository
class AuditRepository {

    /** The advisory lock that serialises appends (and {@code audit_prune()}) across instances. */
    static final long CHAIN_LOCK = 7243011L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Anchor(long lastId, String lastHash) {
    }

    /** Waits for the chain lock, held until the current transaction ends. */
    void lockChain() {
        dsl.execute("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
    }

    long nextId() {
        return dsl.nextval(AUDIT_ENTRY_SEQ);
    }

    /** The hash of the newest entry, or the anchor's if the chain is empty. */
    String tailHash() {
        return dsl.select(AUDIT_ENTRY.ENTRY_HASH).from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.ID.desc()).limit(1)
                .fetchOptional(AUDIT_ENTRY.ENTRY_HASH)
                .orElseGet(() -> anchor().lastHash());
    }

    Anchor anchor() {
        return dsl.selectFrom(AUDIT_ANCHOR).where(AUDIT_ANCHOR.ID.eq(1)).fetchSingle(
                r -> new Anchor(r.getLastId(), r.getLastHash()));
    }

    void insert(AuditEntry entry) {
        dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ID, entry.id())
                .set(AUDIT_ENTRY.AT, entry.at().atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR_TYPE, entry.actor().type().name())
                .set(AUDIT_ENTRY.ACTOR_ID, entry.actor().id())
                .set(AUDIT_ENTRY.ACTOR_NAME, entry.actor().name())
                .set(AUDIT_ENTRY.ACTION, entry.action().name())
                .set(AUDIT_ENTRY.TARGET_TYPE, entry.targetType() == null ? null : entry.targetType().name())
                .set(AUDIT_ENTRY.TARGET_ID, entry.targetId())
                .set(AUDIT_ENTRY.DETAILS, JSONB.valueOf(write(entry.details())))
                .set(AUDIT_ENTRY.PREVIOUS_HASH, entry.previousHash())
                .set(AUDIT_ENTRY.ENTRY_HASH, entry.entryHash())
                .execute();
    }

    /** Entries after {@code afterId} in chain order, at most {@code limit}. */
    List<AuditEntry> chainAfter(long afterId, int limit) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.gt(afterId)).orderBy(AUDIT_ENTRY.ID).limit(limit)
                .fetch(this::toEntry);
    }

    List<AuditEntry> search(AuditQuery query, int offset, int limit) {
        return dsl.selectFrom(AUDIT_ENTRY).where(conditions(query)).orderBy(AUDIT_ENTRY.ID.desc())
                .offset(offset).limit(limit).fetch(this::toEntry);
    }

    int count(AuditQuery query) {
        return dsl.fetchCount(AUDIT_ENTRY, conditions(query));
    }

    /** Removes the chain prefix older than the cutoff (never younger than the database's minimum retention). */
    long prune(OffsetDateTime cutoff) {
        Long removed = dsl.select(auditPrune(cutoff)).fetchOne(0, Long.class);
        return removed == null ? 0 : removed;
    }

    private static List<Condition> conditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add(AUDIT_ENTRY.AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            conditions.add(AUDIT_ENTRY.AT.lt(query.to().atOffset(ZoneOffset.UTC)));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            String pattern = "%" + escapeLike(query.actor().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
            conditions.add(DSL.lower(AUDIT_ENTRY.ACTOR_NAME).like(pattern, '\\')
                    .or(DSL.lower(AUDIT_ENTRY.ACTOR_ID).like(pattern, '\\')));
        }
        if (query.action() != null) {
            conditions.add(AUDIT_ENTRY.ACTION.eq(query.action().name()));
        }
        if (query.targetType() != null) {
            conditions.add(AUDIT_ENTRY.TARGET_TYPE.eq(query.targetType().name()));
        }
        if (query.targetId() != null && !query.targetId().isBlank()) {
            conditions.add(AUDIT_ENTRY.TARGET_ID.eq(query.targetId().strip()));
        }
        return conditions;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private AuditEntry toEntry(Record r) {
        String targetType = r.get(AUDIT_ENTRY.TARGET_TYPE);
        // a name this version does not know (or a tampered one) reads as null, which breaks the entry's hash
        return new AuditEntry(r.get(AUDIT_ENTRY.ID), r.get(AUDIT_ENTRY.AT).toInstant(),
                new AuditActor(ActorType.valueOf(r.get(AUDIT_ENTRY.ACTOR_TYPE)), r.get(AUDIT_ENTRY.ACTOR_ID),
                        r.get(AUDIT_ENTRY.ACTOR_NAME)),
                known(AuditAction.class, r.get(AUDIT_ENTRY.ACTION)),
                known(AuditTarget.class, targetType), r.get(AUDIT_ENTRY.TARGET_ID),
                read(r.get(AUDIT_ENTRY.DETAILS)), r.get(AUDIT_ENTRY.PREVIOUS_HASH), r.get(AUDIT_ENTRY.ENTRY_HASH));
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String write(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(JSONB details) {
        if (details == null) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(details.data(), new TypeReference<Map<String, Object>>() { });
            Map<String, String> values = new TreeMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                // only strings are ever written; anything else (tampering) gets a form no string can have
                values.put(e.getKey(), e.getValue() instanceof String text ? text
                        : "\u0000" + JSON.writeValueAsString(e.getValue()));
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit details", e);
        }
    }
}
