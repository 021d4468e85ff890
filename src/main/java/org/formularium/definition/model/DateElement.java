package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A calendar date. {@code minDate}/{@code maxDate} are ISO dates or relative ({@code today-18y}). Data: {@code YYYY-MM-DD}. */
public record DateElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        String minDate,
        String maxDate,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public DateElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.DATE;
    }
}
