package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A cross-field rule: {@code condition} (JSON Logic) must be truthy, otherwise {@code message} is reported on
 * the first key in {@code fields} (or on the form root when {@code fields} is empty or absent).
 */
public record Rule(String key, JsonNode condition, LocalizedText message, List<String> fields) {

    public Rule {
        fields = Lists.copy(fields);
    }

    /** The fields, empty when absent. */
    public List<String> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }
}
