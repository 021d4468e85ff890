package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A block of limited Markdown shown to the citizen. Holds no data. */
public record InfoElement(
        String key,
        LocalizedText content,
        String style,
        JsonNode visibleIf,
        Map<String, String> metadata) implements Element {

    public InfoElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.INFO;
    }
}
