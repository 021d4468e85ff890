package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A multi-line text input. Data: string. */
public record TextareaElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        Integer minLength,
        Integer maxLength,
        Integer rows,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public TextareaElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.TEXTAREA;
    }

    /** Default {@code maxLength}. */
    public static final int DEFAULT_MAX_LENGTH = 4000;
    /** Largest allowed {@code maxLength}. */
    public static final int MAX_MAX_LENGTH = 20000;

    /** The maximum length, defaulted. */
    public int maxLengthOrDefault() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
