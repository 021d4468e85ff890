package org.formularium.audit;

/** Who acted. */
public enum ActorType {
    /** A signed-in staff member (designer, clerk, admin); id and name are the user name. */
    USER,
    /** A downstream system with an API key; id is the key's id, name its name. */
    API_KEY,
    /** A citizen (no account): id is a short hash of the HTTP session id, never the id itself. */
    CITIZEN_SESSION,
    /** The application itself (scheduled jobs, retention, start-up). */
    SYSTEM
}
