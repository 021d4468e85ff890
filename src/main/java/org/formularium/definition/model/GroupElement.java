package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A repeating group. Data: array of objects, one per item; its elements form their own key scope. */
public record GroupElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        LocalizedText itemLabel,
        Integer minItems,
        Integer maxItems,
        List<Element> elements,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement, ContainerElement {

    public GroupElement {
        elements = Lists.copy(elements);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.GROUP;
    }

    /** Default {@code maxItems}. */
    public static final int DEFAULT_MAX_ITEMS = 10;
    /** Largest allowed {@code maxItems}. */
    public static final int MAX_MAX_ITEMS = 100;

    /** Fewest items, defaulted to 0. */
    public int minItemsOrDefault() {
        return minItems == null ? 0 : minItems;
    }

    /** Most items, defaulted. */
    public int maxItemsOrDefault() {
        return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    }
}
