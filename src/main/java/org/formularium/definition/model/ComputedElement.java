package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A read-only value the server computes from a JSON Logic expression. Data: the computed value. */
public record ComputedElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        JsonNode expression,
        String format,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public ComputedElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.COMPUTED;
    }

    /** The display format ({@code number}, {@code currency}, {@code text}, {@code date}), defaulted to text. */
    public String formatOrDefault() {
        return format == null ? "text" : format;
    }
}
