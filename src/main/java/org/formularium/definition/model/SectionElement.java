package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A titled part of a page. Opens no scope: its children's data sits in the parent object. */
public record SectionElement(
        String key,
        LocalizedText title,
        List<Element> elements,
        JsonNode visibleIf,
        Map<String, String> metadata) implements Element, ContainerElement {

    public SectionElement {
        elements = Lists.copy(elements);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.SECTION;
    }
}
