package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A yes/no question. Data: boolean. */
public record YesNoElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public YesNoElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.YESNO;
    }
}
