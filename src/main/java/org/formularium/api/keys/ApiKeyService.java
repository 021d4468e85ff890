package org.formularium.api.keys;

import org.springframework.beans.factory.annotation.Value;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys of downstream systems. A key is {@code fmk_} followed by 32 random bytes (base64url); it is
 * returned once by {@link #create} and only its SHA-256 hash is stored. {@link #authenticate} keeps a
 * found key for {@code formularium.api.key-cache} (default 2 s) so that a busy client does not cost a
 * database look-up per request; a key revoked on this instance is refused on its next request, on
 * another instance after at most that time. Expiry is checked on every request.
 */
@Service
public class ApiKeyService {

    public static final String KEY_PREFIX = "fmk_";
    public static final int PREFIX_LENGTH = 8;
    public static final int NAME_MAX_LENGTH = 100;
    static final int RANDOM_BYTES = 32;
    /** Longer presented keys are refused without a database lookup. */
    static final int MAX_KEY_LENGTH = 256;
    /** {@code last_used_at} is written at most this often per key. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final int MAX_CACHED_KEYS = 1_000;

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();
    private final long cacheNanos;

    private record CachedKey(ApiKey key, long loadedAt) {
    }

    private final AuditService audit;

    ApiKeyService(ApiKeyRepository repository, Clock clock, AuditService audit,
                  @Value("${formularium.api.key-cache:PT2S}") Duration keyCache) {
        this.audit = audit;
        this.repository = repository;
        this.clock = clock;
        this.cacheNanos = keyCache.toNanos();
    }

    /**
     * Creates a key. The returned plain key is the only copy: show it once.
     *
     * @param expiresAt null for a key that does not expire; otherwise in the future
     * @param createdBy the staff member's user name (or {@code system:...})
     */
    @Transactional
    public CreatedApiKey create(String name, Set<ApiScope> scopes, OffsetDateTime expiresAt, String createdBy) {
        OffsetDateTime now = now();
        String trimmedName = requireName(name);
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("createdBy is required");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String plainKey = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = repository.insert(trimmedName, displayPrefix(plainKey), hash(plainKey), scopes, createdBy,
                now, expiresAt);
        audit.record(AuditAction.CREATE, AuditTarget.API_KEY, Long.toString(key.id()), Map.of("name", key.name(),
                "prefix", key.keyPrefix(), "scopes", scopes.stream().map(ApiScope::name).sorted().toList().toString()));
        return new CreatedApiKey(plainKey, key);
    }

    /** All keys, newest first, including revoked and expired ones. */
    public List<ApiKey> list() {
        return repository.findAll();
    }

    public Optional<ApiKey> find(long id) {
        return repository.findById(id);
    }

    /**
     * Revokes the key at once: its next request is refused.
     *
     * @return false if there is no such key or it was already revoked
     */
    @Transactional
    public boolean revoke(long id) {
        forgetCachedKeys();
        boolean revoked = repository.revoke(id, now());
        if (revoked) {
            audit.record(AuditAction.REVOKE, AuditTarget.API_KEY, Long.toString(id));
        }
        return revoked;
    }

    /**
     * The caller behind a presented key, if the key exists and is neither revoked nor expired. Records the use
     * (at most once a minute per key).
     */
    public Optional<ApiKeyPrincipal> authenticate(String plainKey) {
        if (plainKey == null || plainKey.isEmpty() || plainKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        String hash = hash(plainKey);
        Optional<ApiKey> found = lookUp(hash).filter(key -> key.activeAt(now));
        found.ifPresent(key -> {
            OffsetDateTime staleBefore = now.minus(LAST_USED_PRECISION);
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(staleBefore)) {
                repository.touchLastUsed(key.id(), now, staleBefore);
                cache.computeIfPresent(hash, (h, cached) -> new CachedKey(withLastUse(cached.key(), now), cached.loadedAt()));
            }
        });
        return found.map(key -> new ApiKeyPrincipal(key.id(), key.name(), key.keyPrefix(), key.scopes()));
    }

    private Optional<ApiKey> lookUp(String hash) {
        if (cacheNanos <= 0) {
            return repository.findByHash(hash);
        }
        long now = System.nanoTime();
        CachedKey cached = cache.get(hash);
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return Optional.of(cached.key());
        }
        Optional<ApiKey> found = repository.findByHash(hash);
        if (cache.size() >= MAX_CACHED_KEYS) {
            cache.clear();
        }
        found.ifPresentOrElse(key -> cache.put(hash, new CachedKey(key, now)), () -> cache.remove(hash));
        return found;
    }

    /** Empties the cache now and once more after the surrounding transaction ends. */
    private void forgetCachedKeys() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }

    private static ApiKey withLastUse(ApiKey key, OffsetDateTime at) {
        return new ApiKey(key.id(), key.name(), key.keyPrefix(), key.scopes(), key.createdAt(), key.createdBy(),
                key.expiresAt(), key.revokedAt(), at);
    }

    /**
     * Makes sure a key with exactly this plain value exists, is active and has these scopes, and revokes the
     * other keys {@code createdBy} made (so that changing a configured key retires the old one). Idempotent.
     */
    @Transactional
    ApiKey ensureConfiguredKey(String name, String plainKey, Set<ApiScope> scopes, String createdBy) {
        if (plainKey == null || plainKey.isBlank() || plainKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a configured API key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        OffsetDateTime now = now();
        String hash = hash(plainKey);
        forgetCachedKeys();
        repository.revokeOthersCreatedBy(createdBy, hash, now);
        return repository.upsertActive(requireName(name), displayPrefix(plainKey), hash, scopes, createdBy, now);
    }

    /** SHA-256 of the key's UTF-8 bytes as lower-case hex: the only form in which a key is stored. */
    public static String hash(String plainKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(plainKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String displayPrefix(String plainKey) {
        return plainKey.substring(0, Math.min(PREFIX_LENGTH, plainKey.length()));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("name must have at most " + NAME_MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
