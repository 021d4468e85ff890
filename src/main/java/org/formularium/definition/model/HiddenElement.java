package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A value the citizen does not see: fixed ({@code value}) or computed ({@code expression}). */
public record HiddenElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        JsonNode value,
        JsonNode expression,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public HiddenElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.HIDDEN;
    }
}
