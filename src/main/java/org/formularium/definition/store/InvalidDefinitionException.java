package org.formularium.definition.store;

import org.formularium.definition.validation.DefinitionProblem;

import java.util.List;

/** The definition has problems; each has a path, a stable code and a message. */
public class InvalidDefinitionException extends RuntimeException {
    private final List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super("The form definition has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
