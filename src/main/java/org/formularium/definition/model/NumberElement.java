package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/** A decimal number input. Data: JSON number with at most {@code scale} decimal places. */
public record NumberElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        BigDecimal min,
        BigDecimal max,
        Integer scale,
        LocalizedText unit,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public NumberElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.NUMBER;
    }

    /** Default {@code scale}. */
    public static final int DEFAULT_SCALE = 2;

    /** The allowed decimal places, defaulted. */
    public int scaleOrDefault() {
        return scale == null ? DEFAULT_SCALE : scale;
    }
}
