package org.formularium.definition.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.definition.DefinitionParser;
import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFormsTest extends AbstractDatabaseTest {

    @Autowired
    FormService forms;

    @Test
    void every_demo_definition_passes_the_definition_validator() {
        List<JsonNode> definitions = DemoForms.load();

        assertThat(definitions).hasSize(6);
        assertThat(definitions).allSatisfy(d ->
                assertThat(DefinitionParser.parse(d).problems()).as(d.path("key").asText()).isEmpty());
    }

    @Test
    void demo_profile_publishes_the_six_demo_forms() {
        assertThat(forms.publishedForms()).extracting(FormSummary::key).contains(
                "buecherwunsch", "fischereischein", "fundsache", "ideen-beschwerden", "parkausweis", "veranstaltung");
        assertThat(forms.latestPublished("fischereischein")).hasValueSatisfying(p -> {
            assertThat(p.version()).isPositive();
            assertThat(p.definition().title().get(java.util.Locale.GERMAN)).isEqualTo("Fischereischein beantragen");
        });
    }
}
