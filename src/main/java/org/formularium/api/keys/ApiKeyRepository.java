package org.formularium.api.keys;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.formularium.jooq.Tables.API_KEY;

/** API keys in table {@code api_key}; only hashes, never plain keys. */
@Repository
class ApiKeyRepository {

    private final DSLContext dsl;

    ApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ApiKey insert(String name, String keyPrefix, String keyHash, Set<ApiScope> scopes, String createdBy,
                  OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        return dsl.insertInto(API_KEY)
                .set(API_KEY.NAME, name)
                .set(API_KEY.KEY_PREFIX, keyPrefix)
                .set(API_KEY.KEY_HASH, keyHash)
                .set(API_KEY.SCOPES, values(scopes))
                .set(API_KEY.CREATED_BY, createdBy)
                .set(API_KEY.CREATED_AT, createdAt)
                .set(API_KEY.EXPIRES_AT, expiresAt)
                .returning()
                .fetchOne(this::toApiKey);
    }

    /**
     * Creates the key with this hash or, if it exists, gives it this name and these scopes and makes it active
     * again (not revoked, no expiry).
     */
    ApiKey upsertActive(String name, String keyPrefix, String keyHash, Set<ApiScope> scopes, String createdBy,
                        OffsetDateTime now) {
        String[] scopeValues = values(scopes);
        return dsl.insertInto(API_KEY)
                .set(API_KEY.NAME, name)
                .set(API_KEY.KEY_PREFIX, keyPrefix)
                .set(API_KEY.KEY_HASH, keyHash)
                .set(API_KEY.SCOPES, scopeValues)
                .set(API_KEY.CREATED_BY, createdBy)
                .set(API_KEY.CREATED_AT, now)
                .onConflict(API_KEY.KEY_HASH).doUpdate()
                .set(API_KEY.NAME, name)
                .set(API_KEY.SCOPES, scopeValues)
                .set(API_KEY.CREATED_BY, createdBy)
                .setNull(API_KEY.REVOKED_AT)
                .setNull(API_KEY.EXPIRES_AT)
                .returning()
                .fetchOne(this::toApiKey);
    }

    List<ApiKey> findAll() {
        return dsl.selectFrom(API_KEY).orderBy(API_KEY.CREATED_AT.desc(), API_KEY.ID.desc()).fetch(this::toApiKey);
    }

    Optional<ApiKey> findById(long id) {
        return dsl.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional(this::toApiKey);
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return dsl.selectFrom(API_KEY).where(API_KEY.KEY_HASH.eq(keyHash)).fetchOptional(this::toApiKey);
    }

    /** @return whether an active key was revoked */
    boolean revoke(long id, OffsetDateTime at) {
        return dsl.update(API_KEY).set(API_KEY.REVOKED_AT, at)
                .where(API_KEY.ID.eq(id)).and(API_KEY.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Revokes the active keys made by {@code createdBy} except the one with {@code keepHash}. */
    int revokeOthersCreatedBy(String createdBy, String keepHash, OffsetDateTime at) {
        return dsl.update(API_KEY).set(API_KEY.REVOKED_AT, at)
                .where(API_KEY.CREATED_BY.eq(createdBy))
                .and(API_KEY.KEY_HASH.ne(keepHash))
                .and(API_KEY.REVOKED_AT.isNull())
                .execute();
    }

    /** Sets {@code last_used_at} unless it is already later than {@code staleBefore} (one cheap write a minute). */
    void touchLastUsed(long id, OffsetDateTime at, OffsetDateTime staleBefore) {
        dsl.update(API_KEY).set(API_KEY.LAST_USED_AT, at)
                .where(API_KEY.ID.eq(id))
                .and(API_KEY.LAST_USED_AT.isNull().or(API_KEY.LAST_USED_AT.lt(staleBefore)))
                .execute();
    }

    private static String[] values(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::value).sorted().toArray(String[]::new);
    }

    private ApiKey toApiKey(Record r) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(r.get(API_KEY.SCOPES)).forEach(value -> scopes.add(ApiScope.fromValue(value)
                .orElseThrow(() -> new IllegalStateException("unknown scope in api_key: " + value))));
        return new ApiKey(r.get(API_KEY.ID), r.get(API_KEY.NAME), r.get(API_KEY.KEY_PREFIX), scopes,
                r.get(API_KEY.CREATED_AT), r.get(API_KEY.CREATED_BY), r.get(API_KEY.EXPIRES_AT),
                r.get(API_KEY.REVOKED_AT), r.get(API_KEY.LAST_USED_AT));
    }
}
