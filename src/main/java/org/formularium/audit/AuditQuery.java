package org.formularium.audit;

import java.time.Instant;

/**
 * What an admin searches for; every part is optional (null: any).
 *
 * @param from  entries at or after this moment
 * @param to    entries before this moment
 * @param actor part of the actor's name or id (case-insensitive)
 * @param targetId the exact target id (e.g. a submission reference)
 */
public record AuditQuery(Instant from, Instant to, String actor, AuditAction action, AuditTarget targetType,
                         String targetId) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
