package org.formularium.definition.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;

/**
 * One key of the submission data as both derived schemas see it: the input element, whether it must always be
 * present, the conditions that make its presence or requiredness dynamic, and (for repeating groups) the fields
 * of one item.
 *
 * @param element  the input element that holds the value
 * @param required present in every valid submission: {@code required} is true and neither the element nor its
 *                 page or enclosing sections (within the same scope) have a {@code visibleIf}
 * @param notes    English sentences on what a static schema cannot check (visibility, {@code requiredIf})
 * @param children the fields of one item when the element is a repeating group, else empty
 */
record DataField(InputElement element, boolean required, List<String> notes, List<DataField> children) {

    DataField {
        notes = List.copyOf(notes);
        children = List.copyOf(children);
    }

    String key() {
        return element.key();
    }

    /** The English label followed by the notes. */
    String description() {
        String text = element.label().get("en");
        for (String note : notes) {
            text = append(text, note);
        }
        return text;
    }

    /** Joins a label or sentence and a further sentence with the punctuation in between. */
    static String append(String text, String sentence) {
        if (text == null || text.isBlank()) {
            return sentence;
        }
        String trimmed = text.strip();
        return ".?!:".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0
                ? trimmed + " " + sentence : trimmed + ". " + sentence;
    }

    /** The fields at form scope in definition order; sections are transparent. */
    static List<DataField> of(FormDefinition definition) {
        List<DataField> fields = new ArrayList<>();
        for (Page page : definition.pages()) {
            List<String> conditions = new ArrayList<>();
            if (page.visibleIf() != null) {
                conditions.add("page '" + page.key() + "' is shown, i.e. when " + compact(page.visibleIf()));
            }
            collect(page.elements(), conditions, fields);
        }
        return fields;
    }

    private static void collect(List<Element> elements, List<String> conditions, List<DataField> into) {
        for (Element element : elements) {
            if (element instanceof SectionElement section) {
                List<String> inner = new ArrayList<>(conditions);
                if (section.visibleIf() != null) {
                    inner.add("section '" + section.key() + "' is shown, i.e. when " + compact(section.visibleIf()));
                }
                collect(section.elements(), inner, into);
            } else if (element instanceof InputElement input) {
                into.add(field(input, conditions));
            }
        }
    }

    private static DataField field(InputElement input, List<String> enclosing) {
        List<String> notes = new ArrayList<>();
        boolean conditional = !enclosing.isEmpty() || input.visibleIf() != null;
        if (input.visibleIf() != null) {
            notes.add("Present only when shown, i.e. when " + compact(input.visibleIf()) + ".");
        }
        enclosing.forEach(c -> notes.add("Present only when " + c + "."));
        if (input.requiredOrFalse() && conditional) {
            notes.add("Required whenever it is shown.");
        } else if (!input.requiredOrFalse() && input.requiredIf() != null) {
            notes.add("Required when " + compact(input.requiredIf()) + ".");
        }
        if (!notes.isEmpty()) {
            notes.add("Conditional presence and requiredness (JSON Logic) cannot be expressed in a static schema;"
                    + " the server checks them.");
        }
        List<DataField> children = new ArrayList<>();
        if (input instanceof GroupElement group) {
            // an item exists only when the group is shown, so the item's fields start without conditions
            collect(group.elements(), List.of(), children);
        }
        boolean required = input.requiredOrFalse() && !conditional;
        return new DataField(input, required, notes, children);
    }

    private static String compact(JsonNode expression) {
        return expression.toString();
    }
}
