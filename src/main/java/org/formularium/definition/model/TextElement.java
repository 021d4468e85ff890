package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A single-line text input. Data: string. */
public record TextElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        Integer minLength,
        Integer maxLength,
        String pattern,
        LocalizedText patternMessage,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public TextElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.TEXT;
    }

    /** Default {@code maxLength}. */
    public static final int DEFAULT_MAX_LENGTH = 200;
    /** Largest allowed {@code maxLength}. */
    public static final int MAX_MAX_LENGTH = 1000;

    /** The maximum length, defaulted. */
    public int maxLengthOrDefault() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
