package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;

import java.util.Objects;

/**
 * What the renderer knows of one rendered element: its data path, the component to show or hide, and how
 * to mark it required, show an error on it (or on a part of it, e.g. {@code postalCode} of an address) and
 * find the DOM id to move focus to.
 */
abstract class FieldBinding {

    private final String path;
    private final Component root;
    /** What {@link #apply} last showed: the component is touched only where that changes. */
    private boolean applied;
    private boolean shownNow;
    private boolean requiredNow;
    private JsonNode computedNow;

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

    /**
     * Shows what an evaluation says of this element, changing the component (and so the browser) only where it
     * differs from the last time: after every answer most elements stay as they are.
     */
    final void apply(boolean shown, boolean required, JsonNode computed) {
        if (!applied || shown != shownNow) {
            setShown(shown);
        }
        if (!applied || required != requiredNow) {
            setRequired(required);
        }
        if (!applied || !Objects.equals(computed, computedNow)) {
            showComputed(computed);
        }
        applied = true;
        shownNow = shown;
        requiredNow = required;
        computedNow = computed;
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

    /**
     * Whether the part {@code subPath} is on screen: false for an item of a paged group on another page (its
     * error cannot be shown inline until {@link #reveal} turns to it).
     */
    boolean shows(String subPath) {
        return true;
    }

    /** Brings the part {@code subPath} on screen (renders it); false when there was nothing to do. */
    boolean reveal(String subPath) {
        return false;
    }

    /** Whether this binding only groups others (sections): errors never land on it. */
    boolean isContainer() {
        return false;
    }
}
