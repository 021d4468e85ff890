package org.formularium.definition;

import java.util.List;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.validation.DefinitionProblem;

/**
 * The outcome of {@link DefinitionParser#parse(String)}: either a definition (no problems) or the problems.
 *
 * @param definition the definition, {@code null} when there are problems
 * @param problems   every problem found, empty when the definition is valid
 */
public record ParseResult(FormDefinition definition, List<DefinitionProblem> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
    }

    /** Whether the input was a valid definition. */
    public boolean isValid() {
        return definition != null;
    }

    /**
     * The definition.
     *
     * @throws IllegalStateException with the problems when the input was not valid
     */
    public FormDefinition definitionOrThrow() {
        if (definition == null) {
            throw new IllegalStateException("Invalid form definition: " + problems);
        }
        return definition;
    }
}
