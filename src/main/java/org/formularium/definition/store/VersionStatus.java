package org.formularium.definition.store;

/** A version is a DRAFT (editable, at most one per form) until it is PUBLISHED; then it never changes. */
public enum VersionStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
