package org.formularium.definition.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.formularium.definition.DefinitionJson;

/**
 * Validates a form definition (format v1) and reports every problem at once, each with a precise path and a
 * stable {@link DefinitionProblemCode}. Works on the raw JSON tree, so malformed input never throws.
 */
public final class DefinitionValidator {

    private DefinitionValidator() {
    }

    /** Problems of a definition given as JSON text; INVALID_JSON when it does not parse or is too big or deep. */
    public static List<DefinitionProblem> validate(String json) {
        if (json == null || json.isBlank()) {
            return List.of(new DefinitionProblem("", DefinitionProblemCode.INVALID_JSON, "The definition is empty."));
        }
        JsonNode tree;
        try {
            tree = DefinitionJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(new DefinitionProblem("", DefinitionProblemCode.INVALID_JSON,
                    Problems.sentence("The definition is not valid JSON: " + e.getOriginalMessage())));
        }
        return validate(tree);
    }

    /** Problems of a definition given as a JSON tree; empty when it is valid. */
    public static List<DefinitionProblem> validate(JsonNode definition) {
        if (definition == null || definition.isMissingNode()) {
            return List.of(new DefinitionProblem("", DefinitionProblemCode.INVALID_JSON, "The definition is empty."));
        }
        return new ValidationRun().run(definition);
    }
}
