package org.formularium.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.validation.DefinitionValidator;

/** Random valid definitions pass the validator and survive JSON unchanged. */
class DefinitionRoundTripProperties {

    @Provide
    Arbitrary<ObjectNode> validDefinitions() {
        return RandomDefinitions.trees();
    }

    @Property(tries = 300)
    void random_valid_definitions_have_no_problems(@ForAll("validDefinitions") ObjectNode tree) {
        assertThat(DefinitionValidator.validate(tree)).isEmpty();
    }

    @Property(tries = 300)
    void written_and_read_definitions_are_equal_and_write_the_same_string(@ForAll("validDefinitions") ObjectNode tree) {
        FormDefinition definition = DefinitionParser.parse(tree.toString()).definitionOrThrow();

        String written = DefinitionJson.write(definition);
        FormDefinition reread = DefinitionJson.read(written);

        assertThat(reread).isEqualTo(definition);
        assertThat(DefinitionJson.write(reread)).isEqualTo(written);
        assertThat(Fixtures.json(written)).as("absent properties stay absent, present ones keep their value")
                .isEqualTo(Fixtures.json(tree.toString()));
    }

    @Property(tries = 200)
    void valid_definitions_evaluate_and_outline_empty_data_without_throwing(@ForAll("validDefinitions") ObjectNode tree) {
        FormDefinition definition = DefinitionParser.parse(tree).definitionOrThrow();

        var evaluation = DataEvaluator.evaluate(definition, Fixtures.json("{\"anchor\": \"x\"}"), LocalDate.of(2026, 11, 29));
        var outline = AnswerOutline.build(definition, evaluation, Locale.ENGLISH);

        assertThat(evaluation.data().get("anchor").asText()).isEqualTo("x");
        assertThat(outline.pages()).isNotNull();
    }

    @Example
    void the_generator_covers_every_element_type_and_optional_property() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        RandomDefinitions.trees().sampleStream().limit(200)
                .forEach(tree -> tree.findValues("type").forEach(type -> types.add(type.asText())));

        assertThat(types).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ElementType.values()).map(ElementType::jsonName).toList());
    }
}
