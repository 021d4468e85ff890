package org.formularium.api.keys;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

/**
 * API keys of downstream systems. A key is {@code fmk_} followed by 32 random bytes (base64url); it is
 * returned once by {@link #create} and only its SHA-256 hash is stored. {@link #authenticate} needs no
 * cache: a revoked or expired key is refused on its next request.
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

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final AuditService audit;

    ApiKeyService(ApiKeyRepository repository, Clock clock, AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.clock = clock;
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
        Optional<ApiKey> found = repository.findByHash(hash(plainKey)).filter(key -> key.activeAt(now));
        found.ifPresent(key -> {
            OffsetDateTime staleBefore = now.minus(LAST_USED_PRECISION);
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(staleBefore)) {
                repository.touchLastUsed(key.id(), now, staleBefore);
            }
        });
        return found.map(key -> new ApiKeyPrincipal(key.id(), key.name(), key.keyPrefix(), key.scopes()));
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
