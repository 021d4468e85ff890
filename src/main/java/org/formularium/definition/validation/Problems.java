package org.formularium.definition.validation;

import static org.formularium.definition.validation.DefinitionProblemCode.WRONG_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the problems of one validation run. */
final class Problems {

    private final List<DefinitionProblem> list = new ArrayList<>();

    void add(String path, DefinitionProblemCode code, String message) {
        list.add(new DefinitionProblem(path, code, sentence(message)));
    }

    /** The first line of a message, ending with a full stop. */
    static String sentence(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line : line + ".";
    }

    void wrongType(String path, String expected, JsonNode found) {
        add(path, WRONG_TYPE, "Expected " + expected + " but found " + typeName(found) + ".");
    }

    List<DefinitionProblem> list() {
        return List.copyOf(list);
    }

    static String typeName(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        String name = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "null" -> "null";
            case "array", "object" -> "an " + name;
            default -> "a " + name;
        };
    }
}
