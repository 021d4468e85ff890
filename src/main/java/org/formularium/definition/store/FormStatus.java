package org.formularium.definition.store;

/** Whether a form is offered (ACTIVE) or withdrawn from the catalogue and the builder's list (ARCHIVED). */
public enum FormStatus {
    ACTIVE, ARCHIVED
}
