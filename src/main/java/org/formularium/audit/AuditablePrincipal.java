package org.formularium.audit;

/**
 * A Spring Security principal that knows how it appears in the audit log (e.g. an API key principal). Other
 * principals count as staff users by their name.
 */
public interface AuditablePrincipal {

    AuditActor auditActor();
}
