package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A whole number input. Data: JSON integer. */
public record IntegerElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        Long min,
        Long max,
        LocalizedText unit,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public IntegerElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.INTEGER;
    }
}
