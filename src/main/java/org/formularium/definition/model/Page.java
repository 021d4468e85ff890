package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One wizard step. Its key shares the namespace of element keys. */
public record Page(String key, LocalizedText title, LocalizedText description, JsonNode visibleIf,
                   List<Element> elements) {

    public Page {
        elements = Lists.copy(elements);
    }
}
