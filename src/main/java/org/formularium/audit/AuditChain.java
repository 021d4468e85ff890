package org.formularium.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain: {@code entry_hash = hex(SHA-256(previous_hash + "\n" + canonical entry))}, the canonical
 * entry being a JSON array {@code [id, at (ISO-8601 UTC), actor type, actor id, actor name, action, target type,
 * target id, details with keys sorted]}. Independent of how the database renders JSON, so anyone can recompute
 * it from the stored columns.
 */
final class AuditChain {

    /** The anchor of a chain from which nothing was removed yet. */
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditChain() {
    }

    static String hash(String previousHash, long id, Instant at, AuditActor actor, AuditAction action,
                       AuditTarget targetType, String targetId, Map<String, String> details) {
        String canonical = canonical(id, at, actor, action, targetType, targetId, details);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((previousHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hashOf(AuditEntry entry) {
        return hash(entry.previousHash(), entry.id(), entry.at(), entry.actor(), entry.action(), entry.targetType(),
                entry.targetId(), entry.details());
    }

    static String canonical(long id, Instant at, AuditActor actor, AuditAction action, AuditTarget targetType,
                            String targetId, Map<String, String> details) {
        try {
            return CANONICAL.writeValueAsString(Arrays.asList(id, DateTimeFormatter.ISO_INSTANT.format(at),
                    actor.type().name(), actor.id(), actor.name(), action == null ? null : action.name(),
                    targetType == null ? null : targetType.name(), targetId, new TreeMap<>(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Details as stored: strings only, no NUL characters (PostgreSQL's jsonb refuses them). */
    static Map<String, String> clean(Map<String, ?> details) {
        Map<String, String> clean = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> {
                if (key != null && value != null) {
                    clean.put(strip(key), strip(String.valueOf(value)));
                }
            });
        }
        return clean;
    }

    static String strip(String value) {
        return value == null ? null : value.replace("\u0000", "");
    }
}
