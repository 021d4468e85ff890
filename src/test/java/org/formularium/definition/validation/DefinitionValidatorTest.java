package org.formularium.definition.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.formularium.definition.Fixtures.completeFormTree;
import static org.formularium.definition.Fixtures.minimalForm;
import static org.formularium.definition.Fixtures.q;
import static org.formularium.definition.validation.DefinitionProblemCode.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.formularium.definition.Fixtures;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    // ---- helpers: the complete form, changed in one place -------------------------------------------

    private static List<DefinitionProblem> validateChanged(Consumer<ObjectNode> change) {
        ObjectNode form = completeFormTree();
        change.accept(form);
        return DefinitionValidator.validate(form);
    }

    private static ObjectNode element(ObjectNode form, int page, int... indexes) {
        JsonNode node = form.get("pages").get(page);
        for (int index : indexes) {
            node = node.get("elements").get(index);
        }
        return (ObjectNode) node;
    }

    private static void assertOnly(List<DefinitionProblem> problems, String path, DefinitionProblemCode code) {
        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::code)
                .containsExactly(tuple(path, code));
        assertThat(problems.get(0).message()).isNotBlank().endsWith(".");
    }

    private static void assertContains(List<DefinitionProblem> problems, String path, DefinitionProblemCode code) {
        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::code).contains(tuple(path, code));
    }

    // ---- valid input ------------------------------------------------------------------------------

    @Test
    void the_complete_form_has_no_problems() {
        assertThat(DefinitionValidator.validate(Fixtures.completeFormJson())).isEmpty();
    }

    @Test
    void a_minimal_form_has_no_problems() {
        assertThat(DefinitionValidator.validate(minimalForm("[]"))).isEmpty();
    }

    // ---- INVALID_JSON -----------------------------------------------------------------------------

    @Test
    void text_that_is_not_json_is_invalid_json() {
        assertOnly(DefinitionValidator.validate("{\"schemaVersion\": 1,"), "", INVALID_JSON);
    }

    @Test
    void duplicate_property_names_are_invalid_json() {
        assertOnly(DefinitionValidator.validate("{\"key\": \"a\", \"key\": \"b\"}"), "", INVALID_JSON);
    }

    @Test
    void json_nested_deeper_than_the_limit_is_invalid_json() {
        String deep = "[".repeat(100) + "]".repeat(100);

        assertOnly(DefinitionValidator.validate(deep), "", INVALID_JSON);
    }

    @Test
    void a_document_over_two_megabytes_is_invalid_json() {
        String huge = "{\"metadata\": {\"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}}";

        assertOnly(DefinitionValidator.validate(huge), "", INVALID_JSON);
    }

    @Test
    void empty_input_is_invalid_json() {
        assertOnly(DefinitionValidator.validate(""), "", INVALID_JSON);
    }

    // ---- structure --------------------------------------------------------------------------------

    @Test
    void a_root_that_is_not_an_object_is_a_wrong_type() {
        assertOnly(DefinitionValidator.validate("[]"), "", WRONG_TYPE);
    }

    @Test
    void schema_version_two_is_not_supported() {
        assertOnly(validateChanged(form -> form.put("schemaVersion", 2)), "schemaVersion", UNSUPPORTED_SCHEMA_VERSION);
    }

    @Test
    void a_missing_label_is_reported_on_the_label_path() {
        assertOnly(validateChanged(form -> element(form, 0, 1).remove("label")),
                "pages[0].elements[1].label", MISSING_PROPERTY);
    }

    @Test
    void a_missing_root_property_is_reported_on_its_name() {
        assertOnly(validateChanged(form -> form.remove("title")), "title", MISSING_PROPERTY);
    }

    @Test
    void an_unknown_property_is_reported_on_its_path() {
        assertOnly(validateChanged(form -> element(form, 0, 1).put("colour", "red")),
                "pages[0].elements[1].colour", UNKNOWN_PROPERTY);
    }

    @Test
    void a_property_of_another_element_type_is_unknown() {
        assertOnly(validateChanged(form -> element(form, 0, 4).put("pattern", ".*")),
                "pages[0].elements[4].pattern", UNKNOWN_PROPERTY);
    }

    @Test
    void a_string_where_a_boolean_belongs_is_a_wrong_type() {
        assertOnly(validateChanged(form -> element(form, 0, 1).put("required", "yes")),
                "pages[0].elements[1].required", WRONG_TYPE);
    }

    @Test
    void null_for_an_optional_text_is_a_wrong_type() {
        assertOnly(validateChanged(form -> element(form, 0, 1).putNull("hint")),
                "pages[0].elements[1].hint", WRONG_TYPE);
    }

    @Test
    void a_decimal_where_an_integer_belongs_is_a_wrong_type() {
        assertOnly(validateChanged(form -> element(form, 1, 3).put("max", 2.5)),
                "pages[1].elements[3].max", WRONG_TYPE);
    }

    @Test
    void an_unknown_element_type_is_reported_on_the_type() {
        assertOnly(validateChanged(form -> element(form, 0, 1).put("type", "slider")),
                "pages[0].elements[1].type", UNKNOWN_ELEMENT_TYPE);
    }

    // ---- keys -------------------------------------------------------------------------------------

    @Test
    void an_element_key_with_capitals_and_spaces_is_invalid() {
        List<DefinitionProblem> problems = validateChanged(form -> element(form, 0, 2).put("key", "Last Name"));

        assertOnly(problems, "pages[0].elements[2].key", INVALID_KEY);
    }

    @Test
    void a_form_key_with_underscores_is_invalid() {
        assertOnly(validateChanged(form -> form.put("key", "park_ausweis")), "key", INVALID_KEY);
    }

    @Test
    void a_key_used_twice_in_the_form_scope_is_a_duplicate() {
        assertOnly(validateChanged(form -> element(form, 0, 2).put("key", "first_name")),
                "pages[0].elements[2].key", DUPLICATE_KEY);
    }

    @Test
    void a_page_key_shares_the_namespace_of_element_keys() {
        assertOnly(validateChanged(form -> element(form, 2, 1).put("key", "person")),
                "pages[2].elements[1].key", DUPLICATE_KEY);
    }

    @Test
    void a_section_does_not_open_a_scope() {
        assertOnly(validateChanged(form -> element(form, 0, 6, 0).put("key", "email")),
                "pages[0].elements[6].elements[0].key", DUPLICATE_KEY);
    }

    @Test
    void a_group_opens_its_own_scope() {
        List<DefinitionProblem> problems = validateChanged(form -> element(form, 1, 7, 0).put("key", "first_name"));

        assertThat(problems).isEmpty();
    }

    @Test
    void keys_inside_one_group_must_be_unique() {
        assertOnly(validateChanged(form -> element(form, 1, 7, 2).put("key", "plate")),
                "pages[1].elements[7].elements[2].key", DUPLICATE_KEY);
    }

    // ---- texts and languages ----------------------------------------------------------------------

    @Test
    void a_text_without_german_misses_a_translation() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 0, 1).get("label")).remove("de")),
                "pages[0].elements[1].label.de", MISSING_TRANSLATION);
    }

    @Test
    void a_text_without_a_listed_language_misses_a_translation() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 0, 1).get("label")).remove("en")),
                "pages[0].elements[1].label.en", MISSING_TRANSLATION);
    }

    @Test
    void a_blank_german_text_misses_a_translation() {
        assertOnly(validateChanged(form -> ((ObjectNode) form.get("title")).put("de", "  ")),
                "title.de", MISSING_TRANSLATION);
    }

    @Test
    void an_unsupported_language_in_the_list_is_unknown() {
        List<DefinitionProblem> problems = validateChanged(form -> ((ArrayNode) form.get("languages")).add("fr"));

        assertOnly(problems, "languages[2]", UNKNOWN_LANGUAGE);
    }

    @Test
    void a_text_in_an_unlisted_language_is_unknown() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 0, 1).get("label")).put("fr", "Prénom")),
                "pages[0].elements[1].label.fr", UNKNOWN_LANGUAGE);
    }

    @Test
    void languages_without_german_are_invalid() {
        ObjectNode form = minimalForm("[]");
        form.set("languages", q("['en']"));

        assertContains(DefinitionValidator.validate(form), "languages", INVALID_VALUE);
    }

    @Test
    void a_label_over_ten_thousand_characters_is_too_long() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 0, 1).get("label")).put("de", "x".repeat(10_001))),
                "pages[0].elements[1].label.de", TEXT_TOO_LONG);
    }

    @Test
    void info_content_may_have_twenty_thousand_characters() {
        assertThat(validateChanged(form -> ((ObjectNode) element(form, 0, 0).get("content")).put("de", "x".repeat(20_000))))
                .isEmpty();
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 0, 0).get("content")).put("de", "x".repeat(20_001))),
                "pages[0].elements[0].content.de", TEXT_TOO_LONG);
    }

    // ---- constraints ------------------------------------------------------------------------------

    @Test
    void min_greater_than_max_contradicts() {
        assertOnly(validateChanged(form -> element(form, 1, 3).put("min", 5)),
                "pages[1].elements[3].min", CONTRADICTING_CONSTRAINTS);
    }

    @Test
    void min_length_greater_than_the_default_max_length_contradicts() {
        assertOnly(validateChanged(form -> element(form, 0, 2).put("minLength", 300)),
                "pages[0].elements[2].minLength", CONTRADICTING_CONSTRAINTS);
    }

    @Test
    void min_items_greater_than_max_items_contradicts() {
        assertOnly(validateChanged(form -> element(form, 1, 7).put("minItems", 4)),
                "pages[1].elements[7].minItems", CONTRADICTING_CONSTRAINTS);
    }

    @Test
    void min_selected_greater_than_max_selected_contradicts() {
        assertOnly(validateChanged(form -> element(form, 1, 2).put("minSelected", 3)),
                "pages[1].elements[2].minSelected", CONTRADICTING_CONSTRAINTS);
    }

    @Test
    void min_date_after_max_date_contradicts() {
        assertOnly(validateChanged(form -> element(form, 0, 3).put("minDate", "today-10y")),
                "pages[0].elements[3].minDate", CONTRADICTING_CONSTRAINTS);
    }

    @Test
    void a_pattern_that_is_no_regular_expression_is_invalid() {
        assertOnly(validateChanged(form -> element(form, 1, 7, 0).put("pattern", "[A-Z")),
                "pages[1].elements[7].elements[0].pattern", INVALID_VALUE);
    }

    @Test
    void a_date_bound_that_is_no_date_is_invalid() {
        assertOnly(validateChanged(form -> element(form, 0, 3).put("maxDate", "tomorrow")),
                "pages[0].elements[3].maxDate", INVALID_VALUE);
        assertOnly(validateChanged(form -> element(form, 0, 3).put("minDate", "2026-02-30")),
                "pages[0].elements[3].minDate", INVALID_VALUE);
    }

    @Test
    void a_max_length_beyond_the_limit_is_invalid() {
        assertOnly(validateChanged(form -> element(form, 0, 1).put("maxLength", 1001)),
                "pages[0].elements[1].maxLength", INVALID_VALUE);
    }

    @Test
    void a_max_file_size_beyond_fifty_megabytes_is_invalid() {
        assertOnly(validateChanged(form -> element(form, 2, 3).put("maxSizeKb", 51201)),
                "pages[2].elements[3].maxSizeKb", INVALID_VALUE);
    }

    @Test
    void an_unknown_display_is_invalid() {
        assertOnly(validateChanged(form -> element(form, 1, 0).put("display", "slider")),
                "pages[1].elements[0].display", INVALID_VALUE);
    }

    @Test
    void a_lower_case_country_is_invalid() {
        assertOnly(validateChanged(form -> ((ArrayNode) element(form, 2, 2).get("countries")).set(1, "at")),
                "pages[2].elements[2].countries[1]", INVALID_VALUE);
    }

    @Test
    void an_email_element_that_is_not_an_email_is_invalid() {
        assertOnly(validateChanged(form -> ((ObjectNode) form.get("confirmation")).put("emailElement", "phone")),
                "confirmation.emailElement", INVALID_VALUE);
    }

    @Test
    void a_hidden_element_needs_a_value_or_an_expression() {
        assertOnly(validateChanged(form -> element(form, 2, 4).remove("value")),
                "pages[2].elements[4].value", MISSING_PROPERTY);
    }

    // ---- expressions ------------------------------------------------------------------------------

    @Test
    void an_unknown_operator_is_an_invalid_expression() {
        assertOnly(validateChanged(form -> element(form, 1, 1).set("visibleIf", q("{'like': [{'var': 'reason'}, 'c%']}"))),
                "pages[1].elements[1].visibleIf", INVALID_EXPRESSION);
    }

    @Test
    void an_object_with_two_operators_is_an_invalid_expression() {
        assertOnly(validateChanged(form -> element(form, 1, 1).set("requiredIf", q("{'==': [1, 1], '!=': [1, 2]}"))),
                "pages[1].elements[1].requiredIf", INVALID_EXPRESSION);
    }

    @Test
    void a_variable_naming_no_element_is_an_unknown_reference() {
        assertOnly(validateChanged(form -> element(form, 1, 1).set("visibleIf", q("{'==': [{'var': 'raeson'}, 'craft']}"))),
                "pages[1].elements[1].visibleIf", UNKNOWN_REFERENCE);
    }

    @Test
    void a_variable_cannot_reach_into_a_group_item_from_outside() {
        assertOnly(validateChanged(form -> element(form, 1, 6).set("visibleIf", q("{'var': 'leased'}"))),
                "pages[1].elements[6].visibleIf", UNKNOWN_REFERENCE);
    }

    @Test
    void a_variable_in_a_group_item_reaches_the_form_scope() {
        assertThat(validateChanged(form -> element(form, 1, 7, 2).set("visibleIf", q("{'var': 'electric'}")))).isEmpty();
    }

    @Test
    void a_variable_may_read_a_part_of_an_address_but_no_other() {
        assertThat(validateChanged(form -> element(form, 0, 5).set("visibleIf", q("{'==': [{'var': 'address.country'}, 'DE']}"))))
                .isEmpty();
        assertOnly(validateChanged(form -> element(form, 0, 5).set("visibleIf", q("{'var': 'address.zip'}"))),
                "pages[0].elements[5].visibleIf", UNKNOWN_REFERENCE);
    }

    @Test
    void a_variable_naming_a_section_is_an_unknown_reference() {
        assertOnly(validateChanged(form -> element(form, 0, 5).set("visibleIf", q("{'var': 'residence'}"))),
                "pages[0].elements[5].visibleIf", UNKNOWN_REFERENCE);
    }

    @Test
    void variables_inside_map_and_filter_read_the_array_item_and_are_not_checked() {
        assertThat(validateChanged(form -> element(form, 2, 0).set("expression",
                q("{'reduce': [{'var': 'plates'}, {'+': [{'var': 'accumulator'}, 1]}, 0]}")))).isEmpty();
    }

    @Test
    void a_rule_field_naming_no_element_is_an_unknown_reference() {
        assertOnly(validateChanged(form -> ((ArrayNode) form.get("rules").get(0).get("fields")).set(0, "wieght")),
                "rules[0].fields[0]", UNKNOWN_REFERENCE);
    }

    @Test
    void an_email_element_naming_no_element_is_an_unknown_reference() {
        assertOnly(validateChanged(form -> ((ObjectNode) form.get("confirmation")).put("emailElement", "mail")),
                "confirmation.emailElement", UNKNOWN_REFERENCE);
    }

    @Test
    void computed_values_depending_on_each_other_form_a_cycle() {
        ObjectNode form = minimalForm("""
                [{'type': 'computed', 'key': 'a', 'label': {'de': 'A'}, 'expression': {'+': [{'var': 'b'}, 1]}},
                 {'type': 'hidden', 'key': 'b', 'label': {'de': 'B'}, 'expression': {'var': 'a'}},
                 {'type': 'computed', 'key': 'c', 'label': {'de': 'C'}, 'expression': {'var': 'c'}},
                 {'type': 'computed', 'key': 'd', 'label': {'de': 'D'}, 'expression': {'var': 'a'}}]""");

        List<DefinitionProblem> problems = DefinitionValidator.validate(form);

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::code).containsExactlyInAnyOrder(
                tuple("pages[0].elements[0].expression", COMPUTED_CYCLE),
                tuple("pages[0].elements[1].expression", COMPUTED_CYCLE),
                tuple("pages[0].elements[2].expression", COMPUTED_CYCLE));
    }

    // ---- options ----------------------------------------------------------------------------------

    @Test
    void a_choice_without_options_or_code_list_misses_options() {
        assertOnly(validateChanged(form -> element(form, 1, 0).remove("options")),
                "pages[1].elements[0].options", MISSING_OPTIONS);
    }

    @Test
    void an_empty_option_list_misses_options() {
        assertOnly(validateChanged(form -> element(form, 1, 0).set("options", q("[]"))),
                "pages[1].elements[0].options", MISSING_OPTIONS);
    }

    @Test
    void an_option_without_value_is_reported_on_its_value() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 1, 0).get("options").get(1)).remove("value")),
                "pages[1].elements[0].options[1].value", OPTION_WITHOUT_VALUE);
    }

    @Test
    void an_option_value_used_twice_is_a_duplicate() {
        assertOnly(validateChanged(form -> ((ObjectNode) element(form, 1, 0).get("options").get(1)).put("value", "resident")),
                "pages[1].elements[0].options[1].value", DUPLICATE_OPTION);
    }

    @Test
    void a_duplicate_in_a_code_list_is_reported_in_the_code_list() {
        assertOnly(validateChanged(form -> ((ObjectNode) form.get("codeLists").get("zones").get(2)).put("value", "A")),
                "codeLists.zones[2].value", DUPLICATE_OPTION);
    }

    @Test
    void a_choice_naming_an_undefined_code_list_is_reported() {
        assertOnly(validateChanged(form -> element(form, 1, 2).put("codeList", "districts")),
                "pages[1].elements[2].codeList", UNKNOWN_CODE_LIST);
    }

    @Test
    void more_than_five_hundred_options_are_too_many() {
        ObjectNode form = completeFormTree();
        ArrayNode zones = (ArrayNode) form.get("codeLists").get("zones");
        for (int i = 0; i < 498; i++) {
            zones.add(q("{'value': 'z" + i + "', 'label': {'de': 'Z', 'en': 'Z'}}"));
        }

        assertOnly(DefinitionValidator.validate(form), "codeLists.zones", TOO_MANY_OPTIONS);
    }

    // ---- limits -----------------------------------------------------------------------------------

    @Test
    void more_than_five_hundred_inputs_are_too_many() {
        StringBuilder elements = new StringBuilder("[");
        for (int i = 0; i < 501; i++) {
            elements.append(i == 0 ? "" : ",").append("{'type': 'yesno', 'key': 'q").append(i)
                    .append("', 'label': {'de': 'Frage'}}");
        }

        List<DefinitionProblem> problems = DefinitionValidator.validate(minimalForm(elements + "]"));

        assertOnly(problems, "pages[0].elements[500]", TOO_MANY_INPUTS);
    }

    @Test
    void more_than_fifty_pages_are_too_many() {
        ObjectNode form = minimalForm("[]");
        ArrayNode pages = (ArrayNode) form.get("pages");
        for (int i = 1; i <= 50; i++) {
            pages.add(q("{'key': 'p" + i + "', 'title': {'de': 'Seite'}, 'elements': []}"));
        }

        assertOnly(DefinitionValidator.validate(form), "pages", TOO_MANY_PAGES);
    }

    @Test
    void a_form_without_pages_is_invalid() {
        ObjectNode form = minimalForm("[]");
        form.set("pages", q("[]"));

        assertOnly(DefinitionValidator.validate(form), "pages", INVALID_VALUE);
    }

    @Test
    void a_fourth_level_of_containers_is_too_deep() {
        ObjectNode form = minimalForm("""
                [{'type': 'section', 'key': 's1', 'title': {'de': 'S'}, 'elements': [
                  {'type': 'group', 'key': 'g2', 'label': {'de': 'G'}, 'elements': [
                    {'type': 'section', 'key': 's3', 'title': {'de': 'S'}, 'elements': [
                      {'type': 'section', 'key': 's4', 'title': {'de': 'S'}, 'elements': []}]}]}]}]""");

        assertOnly(DefinitionValidator.validate(form),
                "pages[0].elements[0].elements[0].elements[0].elements[0]", NESTING_TOO_DEEP);
    }

    // ---- everything at once -----------------------------------------------------------------------

    @Test
    void all_problems_are_reported_at_once() {
        List<DefinitionProblem> problems = validateChanged(form -> {
            form.put("schemaVersion", 3);
            element(form, 0, 1).put("colour", "red");
            element(form, 0, 2).put("key", "first_name");
            element(form, 1, 3).put("min", 9);
            ((ArrayNode) form.get("rules").get(0).get("fields")).set(0, "nope");
        });

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::code).containsExactlyInAnyOrder(
                tuple("schemaVersion", UNSUPPORTED_SCHEMA_VERSION),
                tuple("pages[0].elements[1].colour", UNKNOWN_PROPERTY),
                tuple("pages[0].elements[2].key", DUPLICATE_KEY),
                tuple("pages[1].elements[3].min", CONTRADICTING_CONSTRAINTS),
                tuple("rules[0].fields[0]", UNKNOWN_REFERENCE));
    }
}
