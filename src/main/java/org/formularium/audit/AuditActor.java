package org.formularium.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Who did something: a user, an API key, a citizen's session or the system. */
public record AuditActor(ActorType type, String id, String name) {

    private static final int CITIZEN_HASH_LENGTH = 16;

    public AuditActor {
        Objects.requireNonNull(type, "type");
    }

    public static AuditActor user(String username) {
        return new AuditActor(ActorType.USER, username, username);
    }

    public static AuditActor apiKey(long keyId, String keyName) {
        return new AuditActor(ActorType.API_KEY, Long.toString(keyId), keyName);
    }

    /** A citizen's session, identified only by a short hash of the session id (never the id itself). */
    public static AuditActor citizenSession(String sessionId) {
        return new AuditActor(ActorType.CITIZEN_SESSION, sessionHash(sessionId), null);
    }

    public static AuditActor system(String job) {
        return new AuditActor(ActorType.SYSTEM, null, job);
    }

    /** For display: the name, else the id. */
    public String label() {
        return name != null ? name : id != null ? id : type.name();
    }

    static String sessionHash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("formularium-session:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, CITIZEN_HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
