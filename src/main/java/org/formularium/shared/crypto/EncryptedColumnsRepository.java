package org.formularium.shared.crypto;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Key bookkeeping over every {@link EncryptedColumn}: blobs per master key id (through the index on
 * {@code envelope_key_id(column)}), rewrapping a batch of blobs, and table {@code master_key}.
 */
@Repository
class EncryptedColumnsRepository {

    private final DSLContext dsl;

    EncryptedColumnsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Count(EncryptedColumn column, String keyId, int count) {
    }

    List<Count> counts() {
        List<Count> counts = new ArrayList<>();
        for (EncryptedColumn column : EncryptedColumn.ALL) {
            Field<String> keyId = keyId(column);
            dsl.select(keyId, DSL.count()).from(table(column)).where(keyId.isNotNull()).groupBy(keyId).orderBy(keyId)
                    .forEach(r -> counts.add(new Count(column, r.value1(), r.value2())));
        }
        return counts;
    }

    boolean anyUnder(String keyId) {
        return EncryptedColumn.ALL.stream().anyMatch(column ->
                dsl.fetchExists(DSL.selectOne().from(table(column)).where(keyId(column).eq(keyId))));
    }

    /**
     * Rewraps up to {@code limit} blobs of the column that sit under one of {@code oldKeyIds}; rows another
     * instance is working on are skipped ({@code FOR UPDATE SKIP LOCKED}). Must run in a transaction.
     */
    int rewrap(EncryptedColumn column, Collection<String> oldKeyIds, int limit, UnaryOperator<byte[]> rewrap) {
        Field<String> ctid = DSL.field("ctid::text", String.class);
        Field<byte[]> blob = DSL.field(DSL.name(column.column()), SQLDataType.BLOB);
        var rows = dsl.select(ctid, blob).from(table(column)).where(keyId(column).in(oldKeyIds))
                .limit(limit).forUpdate().skipLocked().fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        var batch = dsl.batch(dsl.update(table(column)).set(blob, (byte[]) null)
                .where(DSL.condition("ctid = {0}::tid", DSL.val((String) null))));
        rows.forEach(r -> batch.bind(rewrap.apply(r.value2()), r.value1()));
        batch.execute();
        return rows.size();
    }

    Optional<String> checkValue(String keyId) {
        return dsl.select(DSL.field("check_value", String.class)).from(DSL.table("master_key"))
                .where(DSL.field("key_id", String.class).eq(keyId)).fetchOptional(r -> r.value1());
    }

    void insertCheckValue(String keyId, String checkValue, OffsetDateTime now) {
        dsl.insertInto(DSL.table("master_key"), DSL.field("key_id", String.class),
                        DSL.field("check_value", String.class), DSL.field("first_used_at", OffsetDateTime.class))
                .values(keyId, checkValue, now).onConflictDoNothing().execute();
    }

    List<String> knownKeyIds() {
        return dsl.select(DSL.field("key_id", String.class)).from(DSL.table("master_key")).orderBy(1)
                .fetch(r -> r.value1());
    }

    private static Table<?> table(EncryptedColumn column) {
        return DSL.table(DSL.name(column.table()));
    }

    private static Field<String> keyId(EncryptedColumn column) {
        return DSL.function("envelope_key_id", String.class, DSL.field(DSL.name(column.column()), SQLDataType.BLOB));
    }
}
