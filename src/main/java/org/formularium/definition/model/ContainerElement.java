package org.formularium.definition.model;

import java.util.List;

/** An element with nested elements: {@code section} (same scope) or {@code group} (own scope). */
public sealed interface ContainerElement permits SectionElement, GroupElement {

    String key();

    List<Element> elements();

    /** Whether the children form their own key and data scope (repeating groups). */
    default boolean opensScope() {
        return this instanceof GroupElement;
    }
}
