package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import org.formularium.definition.model.Element;

/**
 * The strategy for one element type: builds its component, binds it to the answer in {@code scope} (the JSON
 * object that holds the element's key: the form data or a group item) and registers a {@link FieldBinding}
 * with the context. Returns {@code null} for elements without a visible part (hidden values).
 */
@FunctionalInterface
interface FieldRenderer<E extends Element> {

    Component render(E element, Scope scope, RenderContext context);

    /** Where an element's answer lives: the JSON object and the data path prefix ({@code ""} or {@code children[1].}). */
    record Scope(ObjectNode data, String prefix) {
        String path(String key) {
            return prefix + key;
        }
    }
}
