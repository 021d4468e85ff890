package org.formularium.definition.outline;

import org.formularium.definition.model.ElementType;

/**
 * One answer, formatted for reading.
 *
 * @param path         data path, e.g. {@code children[1].name}
 * @param key          element key
 * @param type         element type
 * @param label        the element's label in the outline's language
 * @param displayValue the formatted answer (may contain line breaks, e.g. addresses and file lists);
 *                     {@code ""} when unanswered
 * @param answered     false for a visible input without an answer; renderers usually skip those
 */
public record OutlineAnswer(String path, String key, ElementType type, String label, String displayValue,
                            boolean answered) implements OutlineEntry {
}
