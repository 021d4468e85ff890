package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An e-mail address. Data: string. */
public record EmailElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        Integer maxLength,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public EmailElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.EMAIL;
    }

    /** Default {@code maxLength}. */
    public static final int DEFAULT_MAX_LENGTH = 254;

    /** The maximum length, defaulted. */
    public int maxLengthOrDefault() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
