package org.formularium.definition.validation;

/**
 * One problem in a form definition.
 *
 * @param path    where it is, e.g. {@code pages[1].elements[3].key}; {@code ""} is the root
 * @param code    stable code
 * @param message English sentence naming the problem
 */
public record DefinitionProblem(String path, DefinitionProblemCode code, String message) {

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + ": " + code + " – " + message;
    }
}
