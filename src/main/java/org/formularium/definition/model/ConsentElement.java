package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A consent checkbox with the statement the citizen agrees to. Data: boolean, true when required. */
public record ConsentElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        LocalizedText statement,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public ConsentElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.CONSENT;
    }
}
