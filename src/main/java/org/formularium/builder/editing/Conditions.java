package org.formularium.builder.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.logic.Expressions;
import org.formularium.definition.model.ElementType;

/**
 * The simple conditions of the builder ("show when &lt;field&gt; &lt;is&gt; &lt;value&gt;", combined with and/or)
 * and their JSON Logic, both ways. JSON Logic that is not such a list of rows stays editable as JSON only.
 */
public final class Conditions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Conditions() {
    }

    /** How a row compares the answer. */
    public enum Operator {
        /** {@code ==}: the answer is the value. */
        IS("=="),
        /** {@code !=}. */
        IS_NOT("!="),
        /** {@code in} with a list: the answer is one of the comma-separated values. */
        IS_ONE_OF("in"),
        /** {@code in} with the answer second: the text or the selected options contain the value. */
        CONTAINS("in"),
        GREATER_THAN(">"),
        LESS_THAN("<"),
        /** {@code !!}: answered. */
        IS_FILLED("!!"),
        /** {@code !}: not answered. */
        IS_EMPTY("!");

        private final String logic;

        Operator(String logic) {
            this.logic = logic;
        }

        public boolean needsValue() {
            return this != IS_FILLED && this != IS_EMPTY;
        }
    }

    public enum Combinator { AND, OR }

    /** One comparison; {@code value} is what the designer typed (comma-separated for {@link Operator#IS_ONE_OF}). */
    public record Row(String field, Operator operator, String value) {
    }

    /** Rows combined with one combinator. */
    public record Condition(Combinator combinator, List<Row> rows) {
        public Condition {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The JSON Logic of the condition, or {@code null} when it has no complete row. Values are typed by the
     * field they compare: yes/no answers as booleans, numbers as numbers, everything else as text.
     *
     * @param typeOf the element type of a field key (empty when unknown)
     */
    public static JsonNode toLogic(Condition condition, Function<String, Optional<ElementType>> typeOf) {
        List<JsonNode> parts = new ArrayList<>();
        for (Row row : condition.rows()) {
            if (row.field() == null || row.field().isBlank() || row.operator() == null
                    || (row.operator().needsValue() && (row.value() == null || row.value().isBlank()))) {
                continue;
            }
            parts.add(rowLogic(row, typeOf.apply(row.field()).orElse(ElementType.TEXT)));
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ObjectNode combined = NODES.objectNode();
        combined.putArray(condition.combinator() == Combinator.OR ? "or" : "and").addAll(parts);
        return combined;
    }

    private static JsonNode rowLogic(Row row, ElementType type) {
        ObjectNode var = NODES.objectNode().put("var", row.field());
        ObjectNode logic = NODES.objectNode();
        ArrayNode arguments = logic.putArray(row.operator().logic);
        switch (row.operator()) {
            case IS_FILLED, IS_EMPTY -> arguments.add(var);
            case IS_ONE_OF -> {
                arguments.add(var);
                ArrayNode values = arguments.addArray();
                Arrays.stream(row.value().split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .forEach(v -> values.add(typed(v, type)));
            }
            case CONTAINS -> arguments.add(NODES.textNode(row.value().strip())).add(var);
            default -> arguments.add(var).add(typed(row.value().strip(), type));
        }
        return logic;
    }

    private static JsonNode typed(String value, ElementType type) {
        switch (type) {
            case YESNO, CONSENT -> {
                if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                    return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
                }
            }
            case NUMBER, INTEGER, CURRENCY, COMPUTED -> {
                try {
                    BigDecimal number = new BigDecimal(value.replace(',', '.'));
                    return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0
                            ? NODES.numberNode(number.intValueExact()) : NODES.numberNode(number);
                } catch (NumberFormatException | ArithmeticException e) {
                    return NODES.textNode(value);
                }
            }
            default -> {
                // text
            }
        }
        return NODES.textNode(value);
    }

    /** The rows of a JSON Logic expression when it is one the row editor can show. */
    public static Optional<Condition> fromLogic(JsonNode logic) {
        if (logic == null || logic.isNull() || logic.isMissingNode()) {
            return Optional.of(new Condition(Combinator.AND, List.of()));
        }
        if (isSingle(logic) && (logic.has("and") || logic.has("or")) && logic.elements().next().isArray()) {
            Combinator combinator = logic.has("or") ? Combinator.OR : Combinator.AND;
            List<Row> rows = new ArrayList<>();
            for (JsonNode part : logic.elements().next()) {
                Optional<Row> row = row(part);
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                rows.add(row.get());
            }
            return Optional.of(new Condition(combinator, rows));
        }
        return row(logic).map(r -> new Condition(Combinator.AND, List.of(r)));
    }

    private static Optional<Row> row(JsonNode logic) {
        if (!isSingle(logic)) {
            return Optional.empty();
        }
        String operator = logic.fieldNames().next();
        JsonNode arguments = logic.get(operator);
        if ((operator.equals("!!") || operator.equals("!"))) {
            JsonNode var = arguments.isArray() && arguments.size() == 1 ? arguments.get(0) : arguments;
            return varName(var).map(f -> new Row(f, operator.equals("!!") ? Operator.IS_FILLED : Operator.IS_EMPTY, ""));
        }
        if (!arguments.isArray() || arguments.size() != 2) {
            return Optional.empty();
        }
        JsonNode first = arguments.get(0);
        JsonNode second = arguments.get(1);
        if (operator.equals("in")) {
            if (varName(first).isPresent() && second.isArray() && allScalar(second)) {
                List<String> values = new ArrayList<>();
                second.forEach(v -> values.add(v.asText()));
                return Optional.of(new Row(varName(first).get(), Operator.IS_ONE_OF, String.join(", ", values)));
            }
            if (first.isTextual() && varName(second).isPresent()) {
                return Optional.of(new Row(varName(second).get(), Operator.CONTAINS, first.asText()));
            }
            return Optional.empty();
        }
        Optional<Operator> kind = Arrays.stream(Operator.values())
                .filter(o -> o.logic.equals(operator) && o != Operator.IS_ONE_OF && o != Operator.CONTAINS).findFirst();
        if (kind.isEmpty() || varName(first).isEmpty() || !second.isValueNode() || second.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Row(varName(first).get(), kind.get(), second.asText()));
    }

    private static boolean isSingle(JsonNode logic) {
        return logic.isObject() && logic.size() == 1;
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isValueNode() || value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> varName(JsonNode node) {
        if (isSingle(node) && node.has("var") && node.get("var").isTextual()) {
            return Optional.of(node.get("var").asText());
        }
        return Optional.empty();
    }

    /** JSON typed by the designer as an expression: the parsed JSON Logic or what is wrong with it. */
    public record Parsed(JsonNode logic, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Parses JSON Logic text; blank text is no expression ({@code null} logic, no problem). */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, null);
        }
        JsonNode logic;
        try {
            logic = DefinitionJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed(null, "JSON: " + e.getOriginalMessage());
        }
        return Expressions.problem(logic).map(p -> new Parsed(null, p)).orElseGet(() -> new Parsed(logic, null));
    }

    /** Expression JSON as the builder shows it (compact for short ones, pretty otherwise). */
    public static String format(JsonNode logic) {
        if (logic == null || logic.isNull() || logic.isMissingNode()) {
            return "";
        }
        String compact = logic.toString();
        return compact.length() <= 80 ? compact : DefinitionJson.write(logic);
    }
}
