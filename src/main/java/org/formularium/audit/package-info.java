/**
 * The audit log: who (a staff user, an API key, a citizen's session or the system) viewed, changed,
 * exported or deleted what, and when. {@link org.formularium.audit.AuditService} is the whole API: features
 * call {@code record(...)} at the end of what they did, admins search the log and verify its hash chain.
 *
 * <p>Entries are append-only (a database trigger refuses UPDATE, DELETE and TRUNCATE; the app role has no
 * such privileges when it is not the owner) and hash-chained: {@code entry_hash = SHA-256(previous_hash +
 * canonical entry)}; appends are serialised by a PostgreSQL advisory lock so several instances keep one
 * chain. Retention removes a prefix of the chain through {@code audit_prune()}, which keeps the last removed
 * hash as the new anchor, so the remaining chain stays verifiable. Entries never carry personal answer data.
 */
package org.formularium.audit;
