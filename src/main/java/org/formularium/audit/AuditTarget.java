package org.formularium.audit;

/** The kind of thing acted on; the target id names it (a submission reference, a form key, a user name ...). */
public enum AuditTarget {
    SUBMISSION,
    ATTACHMENT,
    FORM,
    USER,
    API_KEY,
    WEBHOOK,
    BRANDING,
    RESPONSIBILITY,
    CLERK_GROUP,
    AUDIT_LOG
}
