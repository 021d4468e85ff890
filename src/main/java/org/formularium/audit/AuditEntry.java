package org.formularium.audit;

import java.time.Instant;
import java.util.Map;

/** One audit log entry as stored, with its place in the hash chain. */
public record AuditEntry(long id, Instant at, AuditActor actor, AuditAction action, AuditTarget targetType,
                         String targetId, Map<String, String> details, String previousHash, String entryHash) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}
