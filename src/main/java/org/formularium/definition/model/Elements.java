package org.formularium.definition.model;

import java.util.ArrayList;
import java.util.List;

/** Walks element trees. */
public final class Elements {

    private Elements() {
    }

    /**
     * Adds the elements of one scope in document order: descends into sections, adds a group itself but
     * not its children (they form their own scope).
     */
    public static void collectScope(List<Element> elements, List<Element> into) {
        for (Element element : elements) {
            into.add(element);
            if (element instanceof SectionElement section) {
                collectScope(section.elements(), into);
            }
        }
    }

    /** The elements of one scope in document order (see {@link #collectScope}). */
    public static List<Element> scope(List<Element> elements) {
        List<Element> result = new ArrayList<>();
        collectScope(elements, result);
        return result;
    }

    /** The input elements of one scope in document order. */
    public static List<InputElement> inputsInScope(List<Element> elements) {
        return scope(elements).stream()
                .filter(InputElement.class::isInstance)
                .map(InputElement.class::cast)
                .toList();
    }
}
