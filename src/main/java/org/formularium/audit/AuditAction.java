package org.formularium.audit;

/** What was done. Stored by name: add constants, never rename or remove them. */
public enum AuditAction {
    VIEW,
    CREATE,
    CHANGE,
    EXPORT,
    DELETE,
    PUBLISH,
    ARCHIVE,
    REVOKE,
    LOGIN,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGOUT
}
