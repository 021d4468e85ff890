package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An IBAN, checked with mod-97. Data: string, upper case without spaces. */
public record IbanElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        List<String> countries,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public IbanElement {
        countries = Lists.copy(countries);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.IBAN;
    }
}
