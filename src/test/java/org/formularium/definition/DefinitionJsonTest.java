package org.formularium.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.TextElement;
import org.junit.jupiter.api.Test;

class DefinitionJsonTest {

    @Test
    void reading_and_writing_keeps_the_definition_unchanged() {
        FormDefinition definition = Fixtures.completeForm();

        String written = DefinitionJson.write(definition);
        FormDefinition reread = DefinitionJson.read(written);

        assertThat(reread).isEqualTo(definition);
        assertThat(DefinitionJson.write(reread)).isEqualTo(written);
    }

    @Test
    void written_json_equals_the_input_as_a_tree() {
        FormDefinition definition = Fixtures.completeForm();

        assertThat(Fixtures.json(DefinitionJson.write(definition))).isEqualTo(Fixtures.completeFormTree());
    }

    @Test
    void absent_optional_properties_stay_absent_and_the_type_comes_first() {
        String written = DefinitionJson.write(Fixtures.completeForm());

        assertThat(written).doesNotContain("\"hint\": null").doesNotContain("\"readOnly\"");
        assertThat(written).contains("{\n          \"type\": \"text\",\n          \"key\": \"first_name\"");
    }

    @Test
    void decimals_keep_their_scale() {
        FormDefinition definition = Fixtures.completeForm();

        NumberElement weight = (NumberElement) definition.page("vehicle").orElseThrow().elements().get(4);

        assertThat(weight.max()).isEqualTo(new BigDecimal("7.50"));
        assertThat(DefinitionJson.write(definition)).contains("\"max\": 7.50");
    }

    @Test
    void localized_text_falls_back_to_german() {
        TextElement firstName = (TextElement) Fixtures.completeForm().pages().get(0).elements().get(1);

        assertThat(firstName.label().get(Locale.ENGLISH)).isEqualTo("First name");
        assertThat(firstName.label().get(Locale.FRENCH)).isEqualTo("Vorname");
    }

    @Test
    void every_element_type_has_its_json_name_as_discriminator() {
        for (ElementType type : ElementType.values()) {
            var annotation = org.formularium.definition.model.Element.class
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
            assertThat(annotation.value())
                    .anySatisfy(t -> {
                        assertThat(t.name()).isEqualTo(type.jsonName());
                        assertThat(t.value()).isEqualTo(type.recordClass());
                    });
        }
    }

    @Test
    void an_explicit_null_default_value_survives_the_round_trip() {
        var form = Fixtures.completeFormTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) form.get("pages").get(0).get("elements").get(1)).putNull("defaultValue");

        FormDefinition definition = DefinitionParser.parse(form).definitionOrThrow();

        assertThat(Fixtures.json(DefinitionJson.write(definition))).isEqualTo(form);
    }

    @Test
    void malformed_json_is_reported_as_an_illegal_argument() {
        assertThatThrownBy(() -> DefinitionJson.read("{\"schemaVersion\": "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
