package org.formularium.api.keys;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An API key as the admin sees it: never the key itself, only its first characters.
 *
 * @param keyPrefix the first {@value ApiKeyService#PREFIX_LENGTH} characters of the key, to recognise it
 */
public record ApiKey(long id, String name, String keyPrefix, Set<ApiScope> scopes, OffsetDateTime createdAt,
                     String createdBy, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                     OffsetDateTime lastUsedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** Not revoked and not expired. */
    public boolean activeAt(OffsetDateTime now) {
        return !revoked() && !expiredAt(now);
    }
}
