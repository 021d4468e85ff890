package org.formularium.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.formularium.definition.validation.DefinitionValidator;

/** Turns untrusted JSON into a {@link FormDefinition}: validates, then maps. Never throws on bad input. */
public final class DefinitionParser {

    private DefinitionParser() {
    }

    /** Parses JSON text. */
    public static ParseResult parse(String json) {
        if (json == null || json.isBlank()) {
            return invalid(DefinitionValidator.validate(json));
        }
        try {
            return parse(DefinitionJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            return invalid(DefinitionValidator.validate(json));
        }
    }

    /** Parses a JSON tree. */
    public static ParseResult parse(JsonNode tree) {
        List<DefinitionProblem> problems = DefinitionValidator.validate(tree);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        try {
            return new ParseResult(DefinitionJson.fromTree(tree), List.of());
        } catch (IllegalArgumentException e) {
            return invalid(List.of(new DefinitionProblem("", DefinitionProblemCode.INVALID_VALUE,
                    "The definition passed validation but could not be read: " + e.getMessage())));
        }
    }

    private static ParseResult invalid(List<DefinitionProblem> problems) {
        return new ParseResult(null, problems);
    }
}
