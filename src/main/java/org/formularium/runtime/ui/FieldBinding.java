package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;

/**
 * What the renderer knows of one rendered element: its data path, the component to show or hide, and how
 * to mark it required, show an error on it (or on a part of it, e.g. {@code postalCode} of an address) and
 * find the DOM id to move focus to.
 */
abstract class FieldBinding {

    private final String path;
    private final Component root;

    FieldBinding(String path, Component root) {
        this.path = path;
        this.root = root;
    }

    String path() {
        return path;
    }

    Component root() {
        return root;
    }

    void setShown(boolean shown) {
        root.setVisible(shown);
    }

    /** Whether the element is currently required (its label says so). */
    void setRequired(boolean required) {
    }

    /** Shows an error; {@code subPath} is "" for the element itself, else e.g. {@code postalCode} or {@code [0]}. */
    void showError(String subPath, String message) {
    }

    void clearErrors() {
    }

    /** The value computed by the server (computed elements). */
    void showComputed(JsonNode value) {
    }

    /** The id of the DOM element an error link moves focus to. */
    String focusId(String subPath) {
        return root.getId().orElse(null);
    }

    /** Whether this binding only groups others (sections): errors never land on it. */
    boolean isContainer() {
        return false;
    }
}
