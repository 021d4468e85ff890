package org.formularium.builder.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.formularium.builder.editing.Conditions.Operator;
import org.formularium.builder.editing.ElementProperties;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every translation key the editor builds from a name exists (the sync test only sees literal keys). */
class EditorTextsTest {

    private static List<String> builtKeys() {
        List<String> keys = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            keys.add(EditorTexts.TYPE + type.jsonName());
            for (ElementProperties.Property property : ElementProperties.of(type)) {
                keys.add(EditorTexts.PROPERTY + property.name());
                property.choices().forEach(c -> keys.add(EditorTexts.CHOICE + property.name() + "." + c));
            }
        }
        for (String name : List.of("key", "title", "description", "topic", "privacy.notice", "privacy.consentRequired",
                "privacy.controller", "privacy.legalBasis", "privacy.purpose", "privacy.retentionDays",
                "privacy.draftRetentionDays", "confirmation.text", "confirmation.emailElement", "confirmation.attachPdf",
                "metadata", "codeLists", "rules")) {
            keys.add(EditorTexts.PROPERTY + name);
        }
        PropertiesPanel.HINTED.forEach(name -> keys.add(EditorTexts.PROPERTY + name + ".hint"));
        for (Operator operator : Operator.values()) {
            keys.add(EditorTexts.OPERATOR + operator.name().toLowerCase());
        }
        keys.add(EditorTexts.COMBINATOR + "and");
        keys.add(EditorTexts.COMBINATOR + "or");
        for (DefinitionProblemCode code : DefinitionProblemCode.values()) {
            keys.add(EditorTexts.PROBLEM + code.name());
        }
        keys.add(EditorTexts.LANGUAGE + "de");
        keys.add(EditorTexts.LANGUAGE + "en");
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages_de.properties", "messages_en.properties"})
    void every_key_built_from_a_name_is_translated(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(builtKeys()).as("keys missing in " + file)
                .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
    }
}
