package org.formularium.builder.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDiffTest {

    private static JsonNode base() {
        return TestData.parse("""
                {"schemaVersion": 1, "key": "diff-test", "languages": ["de"], "title": {"de": "Test"},
                 "pages": [
                   {"key": "person", "title": {"de": "Person"}, "elements": [
                     {"type": "text", "key": "name", "label": {"de": "Name"}, "required": true},
                     {"type": "section", "key": "address", "title": {"de": "Adresse"}, "elements": [
                       {"type": "text", "key": "street", "label": {"de": "Straße"}},
                       {"type": "text", "key": "city", "label": {"de": "Ort"}}
                     ]},
                     {"type": "group", "key": "children", "label": {"de": "Kinder"}, "elements": [
                       {"type": "text", "key": "name", "label": {"de": "Name des Kindes"}}
                     ]}
                   ]},
                   {"key": "more", "title": {"de": "Weiteres"}, "elements": [
                     {"type": "textarea", "key": "notes", "label": {"de": "Notizen"}}
                   ]}
                 ]}
                """);
    }

    private static ArrayNode elements(JsonNode definition, int page) {
        return (ArrayNode) definition.path("pages").get(page).get("elements");
    }

    @Test
    void equal_definitions_have_no_differences() {
        DefinitionDiff.Result result = DefinitionDiff.compare(base(), base());

        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void an_added_element_is_reported_with_its_path_and_type() {
        JsonNode newer = base();
        ((ArrayNode) elements(newer, 0).get(1).get("elements")).addObject()
                .put("type", "text").put("key", "postcode").putObject("label").put("de", "PLZ");

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.added()).containsExactly(
                new DefinitionDiff.Change("person/address/postcode", "text", List.of(), null));
        assertThat(result.removed()).isEmpty();
        assertThat(result.changed()).isEmpty();
        assertThat(result.formProperties()).isEmpty();
    }

    @Test
    void a_removed_page_removes_its_elements_too() {
        JsonNode newer = base();
        ((ArrayNode) newer.get("pages")).remove(1);

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.removed()).extracting(DefinitionDiff.Change::path, DefinitionDiff.Change::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("more", "page"),
                        org.assertj.core.groups.Tuple.tuple("more/notes", "textarea"));
        assertThat(result.added()).isEmpty();
    }

    @Test
    void changed_properties_are_named_per_element() {
        JsonNode newer = base();
        ObjectNode name = (ObjectNode) elements(newer, 0).get(0);
        name.put("required", false);
        name.putObject("hint").put("de", "Vor- und Nachname");
        ((ObjectNode) name.get("label")).put("de", "Ihr Name");

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.changed()).containsExactly(
                new DefinitionDiff.Change("person/name", "text", List.of("label", "required", "hint"), null));
    }

    @Test
    void keys_in_a_repeating_group_are_their_own_scope() {
        JsonNode newer = base();
        ((ObjectNode) elements(newer, 0).get(2).get("elements").get(0)).put("required", true);

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.changed()).containsExactly(
                new DefinitionDiff.Change("person/children/name", "text", List.of("required"), null));
    }

    @Test
    void an_element_moved_to_another_page_is_one_change_not_a_removal_and_an_addition() {
        JsonNode newer = base();
        JsonNode city = ((ArrayNode) elements(newer, 0).get(1).get("elements")).remove(1);
        elements(newer, 1).add(city);

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.added()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(result.changed()).containsExactly(
                new DefinitionDiff.Change("more/city", "text", List.of(DefinitionDiff.MOVED), "person/address/city"));
    }

    @Test
    void reordered_elements_mark_their_container() {
        JsonNode newer = base();
        ArrayNode address = (ArrayNode) elements(newer, 0).get(1).get("elements");
        JsonNode street = address.remove(0);
        address.add(street);

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.changed()).containsExactly(
                new DefinitionDiff.Change("person/address", "section", List.of(DefinitionDiff.ORDER), null));
    }

    @Test
    void form_properties_and_page_order_are_reported() {
        JsonNode newer = base();
        ((ObjectNode) newer.get("title")).put("de", "Neuer Titel");
        ((ObjectNode) newer).putObject("privacy").put("retentionDays", 30);
        ArrayNode pages = (ArrayNode) newer.get("pages");
        pages.insert(0, pages.remove(1));

        DefinitionDiff.Result result = DefinitionDiff.compare(base(), newer);

        assertThat(result.formProperties()).containsExactly("title", "privacy", DefinitionDiff.ORDER);
        assertThat(result.changed()).isEmpty();
    }

    @Test
    void broken_drafts_are_compared_without_failing() {
        JsonNode broken = TestData.parse("""
                {"key": "x", "pages": [{"elements": [{"type": "text", "key": "a"}, {"type": "text", "key": "a"}, 7]}]}
                """);

        DefinitionDiff.Result result = DefinitionDiff.compare(TestData.parse("[]"), broken);

        assertThat(result.added()).extracting(DefinitionDiff.Change::path).containsExactly("?", "?/a", "?/a");
        assertThat(result.formProperties()).containsExactly("key");
    }
}
