package org.formularium.definition.logic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jamsesso.jsonlogic.JsonLogic;
import io.github.jamsesso.jsonlogic.JsonLogicException;
import io.github.jamsesso.jsonlogic.ast.JsonLogicArray;
import io.github.jamsesso.jsonlogic.ast.JsonLogicNode;
import io.github.jamsesso.jsonlogic.ast.JsonLogicOperation;
import io.github.jamsesso.jsonlogic.ast.JsonLogicParseException;
import io.github.jamsesso.jsonlogic.ast.JsonLogicParser;
import io.github.jamsesso.jsonlogic.ast.JsonLogicVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Logic for form definitions, a thin layer over json-logic-java: checks expressions, lists the variables
 * they read and evaluates them against Jackson data.
 *
 * <p>Quirks of the library this class hides or documents: numbers are evaluated as {@code Double} (data is
 * converted to {@code Double} here so that {@code ===} compares like with like, and integral results come
 * back as integers); a missing variable evaluates to {@code null}; truthiness follows
 * {@link JsonLogic#truthy(Object)} (empty string, 0, empty array and null are false); objects must have
 * exactly one key (the operator).
 */
public final class Expressions {

    /** The operators a definition may use (the json-logic-java set; {@code var} is handled by the parser). */
    public static final Set<String> SUPPORTED_OPERATORS = Set.of(
            "var", "==", "===", "!=", "!==", "!", "!!", "and", "or", "if", "?:", ">", ">=", "<", "<=",
            "+", "-", "*", "/", "%", "min", "max", "in", "cat", "substr", "merge", "map", "filter", "reduce",
            "all", "none", "some", "missing", "missing_some", "log");

    /** Operators whose second argument is evaluated once per array element, with that element as data. */
    private static final Set<String> ITERATING_OPERATORS = Set.of("map", "filter", "reduce", "all", "none", "some");

    private static final JsonLogic JSON_LOGIC = new JsonLogic();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Expressions() {
    }

    /** Why the expression cannot be used (does not parse, unknown operator), or empty when it can. */
    public static Optional<String> problem(JsonNode expression) {
        if (expression == null) {
            return Optional.of("The expression is missing.");
        }
        try {
            return unknownOperator(JsonLogicParser.parse(expression.toString()));
        } catch (JsonLogicParseException | RuntimeException e) {
            return Optional.of("The expression does not parse: " + e.getMessage());
        }
    }

    private static Optional<String> unknownOperator(JsonLogicNode node) {
        if (node instanceof JsonLogicOperation operation) {
            if (!SUPPORTED_OPERATORS.contains(operation.getOperator())) {
                return Optional.of("The operator '" + operation.getOperator() + "' is not supported.");
            }
            return unknownOperator(operation.getArguments());
        }
        if (node instanceof JsonLogicArray array) {
            for (JsonLogicNode child : array) {
                Optional<String> problem = unknownOperator(child);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        if (node instanceof JsonLogicVariable variable) {
            Optional<String> problem = unknownOperator(variable.getKey());
            return problem.isPresent() ? problem : unknownOperator(variable.getDefaultValue());
        }
        return Optional.empty();
    }

    /**
     * The variable names the expression reads from the form data ({@code "a"}, {@code "address.city"}), in
     * order of appearance. Variables inside the per-element argument of {@code map}, {@code filter},
     * {@code reduce}, {@code all}, {@code none}, {@code some} read the array element and are left out, as are
     * computed names and the whole-data variable {@code ""}.
     */
    public static Set<String> references(JsonNode expression) {
        Set<String> names = new LinkedHashSet<>();
        collectReferences(expression, names);
        return names;
    }

    private static void collectReferences(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectReferences(child, names));
            return;
        }
        if (!node.isObject() || node.size() != 1) {
            return;
        }
        String operator = node.fieldNames().next();
        JsonNode arguments = node.get(operator);
        if ("var".equals(operator)) {
            JsonNode name = arguments.isArray() ? arguments.get(0) : arguments;
            if (name != null && name.isTextual() && !name.asText().isEmpty()) {
                names.add(name.asText());
            } else {
                collectReferences(name, names);
            }
            if (arguments.isArray() && arguments.size() > 1) {
                collectReferences(arguments.get(1), names);
            }
        } else if (ITERATING_OPERATORS.contains(operator) && arguments.isArray()) {
            collectReferences(arguments.get(0), names);
            if ("reduce".equals(operator)) {
                collectReferences(arguments.get(2), names);
            }
        } else {
            collectReferences(arguments, names);
        }
    }

    /**
     * Evaluates the expression against data made by {@link #toLogicData(JsonNode)}.
     *
     * @return the library's result: {@code null}, {@code Boolean}, {@code Double}, {@code String}, {@code List}
     *         or {@code Map}
     * @throws ExpressionException when the expression does not parse or fails
     */
    public static Object evaluate(JsonNode expression, Object data) {
        try {
            return JSON_LOGIC.apply(expression.toString(), data);
        } catch (JsonLogicException | RuntimeException e) {
            throw new ExpressionException("Expression " + expression + " failed: " + e.getMessage(), e);
        }
    }

    /** Evaluates the expression and converts the result to JSON ({@code NullNode} for no value). */
    public static JsonNode evaluateToJson(JsonNode expression, Object data) {
        return toJson(evaluate(expression, data));
    }

    /** JSON Logic truthiness of a result. */
    public static boolean truthy(Object value) {
        return JsonLogic.truthy(value);
    }

    /** Converts JSON to what json-logic-java expects: Map, List, Double, String, Boolean or null. */
    public static Object toLogicData(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toLogicData(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(child -> list.add(toLogicData(child)));
            return list;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * Converts a json-logic-java result to JSON. Integral doubles become integers, other finite numbers
     * decimals, NaN and infinities (e.g. division by zero) {@code null}.
     */
    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return numberNode(n);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof Iterable<?> iterable) {
            ArrayNode array = NODES.arrayNode();
            iterable.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Object[] items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                array.add(toJson(item));
            }
            return array;
        }
        return NODES.textNode(value.toString());
    }

    private static JsonNode numberNode(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NODES.nullNode();
        }
        if (n instanceof Long || n instanceof Integer) {
            return NODES.numberNode(n.longValue());
        }
        BigDecimal decimal = n instanceof BigDecimal bd ? bd : BigDecimal.valueOf(d);
        if (decimal.signum() == 0) {
            return NODES.numberNode(0L);
        }
        decimal = decimal.stripTrailingZeros();
        if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 18) {
            return NODES.numberNode(decimal.longValueExact());
        }
        return NODES.numberNode(decimal);
    }
}
