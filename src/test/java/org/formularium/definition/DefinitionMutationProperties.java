package org.formularium.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.validation.DefinitionValidator;

/**
 * Random mutations of valid definitions (deleted properties, changed types, duplicated keys, garbage, deep
 * nesting, broken text) give problems or a valid definition, never an exception.
 */
class DefinitionMutationProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<ObjectNode> mutatedTrees() {
        return Combinators.combine(RandomDefinitions.trees(), Arbitraries.randoms(), Arbitraries.integers().between(1, 4))
                .as((tree, random, count) -> {
                    for (int i = 0; i < count; i++) {
                        mutate(tree, random);
                    }
                    return tree;
                });
    }

    @Provide
    Arbitrary<String> brokenTexts() {
        return Combinators.combine(RandomDefinitions.trees(), Arbitraries.randoms()).as((tree, random) -> {
            String json = tree.toString();
            int at = random.nextInt(json.length());
            return switch (random.nextInt(4)) {
                case 0 -> json.substring(0, at);
                case 1 -> json.substring(0, at) + "}{,:\"" + json.substring(at);
                case 2 -> json.substring(0, at) + "[".repeat(200) + json.substring(at);
                default -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1 + random.nextInt(20)));
            };
        });
    }

    @Property(tries = 500)
    void mutated_definitions_give_problems_or_a_valid_result_and_never_throw(@ForAll("mutatedTrees") ObjectNode tree) {
        assertThatCode(() -> {
            ParseResult result = DefinitionParser.parse(tree);
            Statistics.collect(result.isValid() ? "valid" : "problems");
            assertThat(result.isValid()).isEqualTo(result.problems().isEmpty());
            assertThat(result.problems()).as("the validator catches everything the mapping would reject")
                    .noneMatch(problem -> problem.message().contains("passed validation"));
            assertThat(DefinitionValidator.validate(tree)).isEqualTo(result.problems());
            if (result.isValid()) {
                DataEvaluator.evaluate(result.definition(), tree, LocalDate.of(2026, 11, 29));
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 300)
    void broken_json_text_gives_problems_and_never_throws(@ForAll("brokenTexts") String json) {
        assertThatCode(() -> {
            ParseResult result = DefinitionParser.parse(json);
            assertThat(result.isValid()).isEqualTo(result.problems().isEmpty());
        }).doesNotThrowAnyException();
    }

    @Property(tries = 20)
    void deeply_nested_json_is_invalid_json(@ForAll("depths") int depth) {
        String json = "{\"pages\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThat(DefinitionParser.parse(json).problems()).extracting(p -> p.code().name()).containsExactly("INVALID_JSON");
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(DefinitionJson.MAX_NESTING_DEPTH, 100_000);
    }

    // ---- mutations --------------------------------------------------------------------------------

    private static void mutate(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        switch (random.nextInt(6)) {
            case 0 -> delete(target, random);
            case 1 -> changeType(target, random);
            case 2 -> duplicateKey(root, random);
            case 3 -> insertGarbage(target, random);
            case 4 -> nest(target, random);
            default -> swapWithNull(target, random);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }

    private static void delete(JsonNode target, Random random) {
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            object.remove(nthField(object, random.nextInt(object.size())));
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.remove(random.nextInt(array.size()));
        }
    }

    private static void changeType(JsonNode target, Random random) {
        JsonNode replacement = garbage(random);
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            object.set(nthField(object, random.nextInt(object.size())), replacement);
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), replacement);
        }
    }

    private static void duplicateKey(ObjectNode root, Random random) {
        List<JsonNode> keyed = root.findParents("key");
        if (keyed.size() >= 2) {
            ObjectNode first = (ObjectNode) keyed.get(random.nextInt(keyed.size()));
            ObjectNode second = (ObjectNode) keyed.get(random.nextInt(keyed.size()));
            second.set("key", first.get("key"));
        }
    }

    private static void insertGarbage(JsonNode target, Random random) {
        if (target instanceof ObjectNode object) {
            object.set(random.nextBoolean() ? "garbage" + random.nextInt(10) : pickKnownName(random), garbage(random));
        } else if (target instanceof ArrayNode array) {
            array.insert(random.nextInt(array.size() + 1), garbage(random));
        }
    }

    private static void nest(JsonNode target, Random random) {
        JsonNode deep = NODES.textNode("x");
        int depth = 1 + random.nextInt(300);
        for (int i = 0; i < depth; i++) {
            deep = random.nextBoolean() ? NODES.arrayNode().add(deep) : NODES.objectNode().set("var", deep);
        }
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            object.set(nthField(object, random.nextInt(object.size())), deep);
        } else if (target instanceof ArrayNode array) {
            array.add(deep);
        }
    }

    private static void swapWithNull(JsonNode target, Random random) {
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            object.putNull(nthField(object, random.nextInt(object.size())));
        }
    }

    private static JsonNode garbage(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.numberNode(-random.nextInt(1_000_000));
            case 3 -> NODES.numberNode(1.5e300);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.arrayNode().add(NODES.objectNode());
            case 6 -> NODES.objectNode().put("==", 1);
            case 7 -> NODES.textNode("today+99999y");
            default -> NODES.textNode("[(?<".repeat(random.nextInt(3) + 1));
        };
    }

    private static String pickKnownName(Random random) {
        String[] names = {"type", "key", "label", "elements", "options", "visibleIf", "expression", "min", "max",
                "pattern", "minDate", "codeList", "countries", "accept", "value", "fields", "languages"};
        return names[random.nextInt(names.length)];
    }

    private static String nthField(ObjectNode object, int n) {
        Iterator<String> names = object.fieldNames();
        for (int i = 0; i < n; i++) {
            names.next();
        }
        return names.next();
    }
}
