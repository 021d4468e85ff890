package org.formularium.definition.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.formularium.definition.Fixtures.bilingualForm;
import static org.formularium.definition.Fixtures.q;
import static org.formularium.definition.evaluation.DataErrorCode.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.formularium.definition.Fixtures;
import org.formularium.definition.model.FormDefinition;
import org.junit.jupiter.api.Test;

/** Visibility, requiredness, computed values, rules and cleaning across a whole form. */
class DataEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final FormDefinition PARKING = Fixtures.completeForm();

    /** Answers to the parking form that pass every check. */
    private static ObjectNode validParkingData() {
        return (ObjectNode) q("""
                {'first_name': 'Ada', 'last_name': 'Lovelace', 'birth_date': '1990-12-10', 'email': 'ada@example.org',
                 'address': {'street': 'Rathausplatz', 'houseNumber': '20', 'postalCode': '46562', 'city': 'Voerde'},
                 'reason': 'resident', 'vehicles': 2, 'plates': [{'plate': 'WES-AB 123'}],
                 'iban': 'DE89370400440532013000', 'truthful': true}""");
    }

    @Test
    void valid_answers_to_the_complete_form_have_no_errors() {
        Evaluation evaluation = DataEvaluator.evaluate(PARKING, validParkingData(), TODAY);

        assertThat(evaluation.errors()).isEmpty();
        assertThat(evaluation.isValid()).isTrue();
    }

    @Test
    void unknown_keys_are_dropped_and_server_values_are_set() {
        ObjectNode data = validParkingData();
        data.put("hacker", "x");
        data.put("fee", 0);
        data.put("channel", "forged");

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.data().has("hacker")).isFalse();
        assertThat(evaluation.data().get("fee").decimalValue()).isEqualTo(new BigDecimal("61.00"));
        assertThat(evaluation.data().get("channel").asText()).isEqualTo("online");
        assertThat(evaluation.computedValues()).containsKeys("fee", "channel");
    }

    @Test
    void an_element_hidden_by_visible_if_is_not_checked_and_its_answer_is_dropped() {
        ObjectNode data = validParkingData();
        data.put("company", "Acme");

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.isVisible("company")).isFalse();
        assertThat(evaluation.data().has("company")).isFalse();
    }

    @Test
    void required_if_makes_a_visible_element_required() {
        ObjectNode data = validParkingData();
        data.put("reason", "craft");

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.isVisible("company")).isTrue();
        assertThat(evaluation.isRequired("company")).isTrue();
        assertThat(evaluation.errors()).extracting(DataError::path, DataError::code).containsExactly(tuple("company", REQUIRED));
    }

    @Test
    void evaluating_what_is_shown_decides_visibility_requiredness_and_computed_values_without_checks() {
        ObjectNode data = validParkingData();
        data.put("reason", "craft");
        data.put("email", "not an address");

        Evaluation full = DataEvaluator.evaluate(PARKING, data, TODAY);
        Evaluation shown = DataEvaluator.evaluateShown(PARKING, data, TODAY);

        assertThat(full.errors()).isNotEmpty();
        assertThat(shown.errors()).isEmpty();
        assertThat(shown.visiblePaths()).isEqualTo(full.visiblePaths()).contains("company");
        assertThat(shown.requiredPaths()).isEqualTo(full.requiredPaths()).contains("company");
        assertThat(shown.computedValues()).isEqualTo(full.computedValues()).containsKeys("fee", "channel");
        assertThat(shown.data()).isEqualTo(full.data());
    }

    @Test
    void a_hidden_page_drops_all_its_answers_and_skips_its_checks() {
        ObjectNode data = validParkingData();
        data.put("vehicles", 0);
        data.remove("iban");
        data.put("donation", 5);

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.isVisible("payment")).isFalse();
        assertThat(evaluation.data().has("donation")).isFalse();
        assertThat(evaluation.data().has("fee")).isFalse();
        assertThat(evaluation.errors()).extracting(DataError::path).containsExactly("vehicles");
    }

    @Test
    void visible_paths_include_pages_sections_and_info_blocks() {
        Evaluation evaluation = DataEvaluator.evaluate(PARKING, validParkingData(), TODAY);

        assertThat(evaluation.visiblePaths()).contains("person", "intro", "residence", "address", "plates",
                "plates[0].plate", "plates[0].leased", "payment");
        assertThat(evaluation.visiblePaths()).doesNotContain("plates[0].lessor", "company");
    }

    @Test
    void visibility_and_requiredness_are_decided_per_group_item() {
        ObjectNode data = validParkingData();
        data.set("plates", q("[{'plate': 'WES-A 1', 'leased': true}, {'plate': 'WES-B 2', 'leased': false, 'lessor': 'X'}]"));

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.isVisible("plates[0].lessor")).isTrue();
        assertThat(evaluation.isRequired("plates[0].lessor")).isTrue();
        assertThat(evaluation.isVisible("plates[1].lessor")).isFalse();
        assertThat(evaluation.data().get("plates").get(1).has("lessor")).isFalse();
        assertThat(evaluation.errors()).extracting(DataError::path, DataError::code)
                .containsExactly(tuple("plates[0].lessor", REQUIRED));
    }

    @Test
    void a_variable_in_a_group_item_reads_the_item_before_the_form() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'text', 'key': 'name', 'label': {'de': 'Name', 'en': 'Name'}},
                 {'type': 'group', 'key': 'children', 'label': {'de': 'Kinder', 'en': 'Children'}, 'elements': [
                   {'type': 'text', 'key': 'name', 'label': {'de': 'Name', 'en': 'Name'}},
                   {'type': 'computed', 'key': 'greeting', 'label': {'de': 'Gruß', 'en': 'Greeting'},
                    'expression': {'cat': ['Hallo ', {'var': 'name'}, ' von ', {'var': 'surname'}]}},
                   {'type': 'text', 'key': 'surname', 'label': {'de': 'Nachname', 'en': 'Surname'}}]}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition,
                q("{'name': 'Parent', 'children': [{'name': 'Kid', 'surname': 'K'}, {'surname': 'L'}]}"), TODAY);

        assertThat(evaluation.computedValues().get("children[0].greeting").asText()).isEqualTo("Hallo Kid von K");
        // the second item has no name: the form's 'name' must not leak in (json-logic-java's cat fails on null)
        assertThat(evaluation.computedValues()).doesNotContainKey("children[1].greeting");
    }

    @Test
    void computed_values_are_evaluated_in_dependency_order() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'computed', 'key': 'total', 'label': {'de': 'Summe', 'en': 'Total'}, 'format': 'currency',
                  'expression': {'+': [{'var': 'fee'}, {'var': 'tax'}]}},
                 {'type': 'computed', 'key': 'tax', 'label': {'de': 'Steuer', 'en': 'Tax'}, 'expression': {'*': [{'var': 'fee'}, 0.19]}},
                 {'type': 'computed', 'key': 'fee', 'label': {'de': 'Gebühr', 'en': 'Fee'}, 'expression': {'*': [{'var': 'count'}, 10]}},
                 {'type': 'integer', 'key': 'count', 'label': {'de': 'Anzahl', 'en': 'Count'}}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition, q("{'count': 3}"), TODAY);

        assertThat(evaluation.data().get("fee").intValue()).isEqualTo(30);
        assertThat(evaluation.data().get("total").decimalValue()).isEqualTo(new BigDecimal("35.70"));
    }

    @Test
    void an_expression_that_fails_counts_as_false_and_never_throws() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'text', 'key': 'a', 'label': {'de': 'A', 'en': 'A'}, 'visibleIf': {'substr': [{'var': 'a'}, 'x']}},
                 {'type': 'computed', 'key': 'ratio', 'label': {'de': 'Q', 'en': 'R'}, 'expression': {'/': [1, 0]}}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition, q("{'a': 'text'}"), TODAY);

        assertThat(evaluation.isVisible("a")).isFalse();
        assertThat(evaluation.data().has("ratio")).isFalse();
    }

    @Test
    void a_violated_rule_is_reported_on_its_first_field() {
        ObjectNode data = validParkingData();
        data.put("reason", "craft");
        data.put("company", "Acme");
        data.put("weight", 5);

        Evaluation evaluation = DataEvaluator.evaluate(PARKING, data, TODAY);

        assertThat(evaluation.errors()).extracting(DataError::path, DataError::code).containsExactly(tuple("weight", RULE_VIOLATED));
        assertThat(evaluation.errors().get(0).message().get("en")).isEqualTo("Trade vehicles may weigh at most 3.5 t");
    }

    @Test
    void a_rule_is_skipped_while_one_of_its_fields_is_hidden_or_unanswered() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'yesno', 'key': 'ask', 'label': {'de': 'Fragen', 'en': 'Ask'}},
                 {'type': 'integer', 'key': 'n', 'label': {'de': 'N', 'en': 'N'}, 'visibleIf': {'var': 'ask'}}]""");
        ObjectNode form = (ObjectNode) org.formularium.definition.DefinitionJson.toTree(definition);
        form.set("rules", q("[{'key': 'n_small', 'condition': {'<': [{'var': 'n'}, 5]}, 'message': {'de': 'Zu groß.', 'en': 'Too big'}, 'fields': ['n']},"
                + "{'key': 'always', 'condition': {'var': 'ask'}, 'message': {'de': 'Fragen Sie.', 'en': 'Ask'}}]"));
        FormDefinition withRules = org.formularium.definition.DefinitionParser.parse(form).definitionOrThrow();

        Evaluation hidden = DataEvaluator.evaluate(withRules, q("{'ask': false, 'n': 9}"), TODAY);
        Evaluation shown = DataEvaluator.evaluate(withRules, q("{'ask': true, 'n': 9}"), TODAY);
        Evaluation unanswered = DataEvaluator.evaluate(withRules, q("{'ask': true}"), TODAY);

        assertThat(hidden.errors()).extracting(DataError::path, DataError::code).containsExactly(tuple("", RULE_VIOLATED));
        assertThat(shown.errors()).extracting(DataError::path, DataError::code).containsExactly(tuple("n", RULE_VIOLATED));
        assertThat(unanswered.errors()).isEmpty();
    }

    @Test
    void evaluating_one_page_reports_only_that_pages_errors() {
        Evaluation evaluation = DataEvaluator.evaluatePage(PARKING, q("{'first_name': 'Ada'}"), "vehicle", TODAY);

        assertThat(evaluation.errors()).extracting(DataError::path).containsExactly("reason", "vehicles", "plates");
    }

    @Test
    void evaluating_an_unknown_page_is_a_programming_error() {
        assertThatThrownBy(() -> DataEvaluator.evaluatePage(PARKING, q("{}"), "nope", TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_read_only_element_keeps_its_default_value() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'text', 'key': 'office', 'label': {'de': 'Amt', 'en': 'Office'}, 'readOnly': true, 'defaultValue': 'Bürgerbüro'}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition, q("{'office': 'Changed'}"), TODAY);

        assertThat(evaluation.data().get("office").asText()).isEqualTo("Bürgerbüro");
    }

    @Test
    void data_that_is_not_an_object_counts_as_no_answers() {
        Evaluation evaluation = DataEvaluator.evaluate(PARKING, q("['x']"), TODAY);

        assertThat(evaluation.data().has("channel")).isFalse();
        assertThat(evaluation.errors()).extracting(DataError::path).contains("first_name", "vehicles");
    }

    @Test
    void a_hidden_section_hides_its_children() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'yesno', 'key': 'has_pet', 'label': {'de': 'Haustier', 'en': 'Pet'}},
                 {'type': 'section', 'key': 'pet', 'title': {'de': 'Tier', 'en': 'Pet'}, 'visibleIf': {'var': 'has_pet'}, 'elements': [
                   {'type': 'text', 'key': 'pet_name', 'label': {'de': 'Name', 'en': 'Name'}, 'required': true}]}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition, q("{'has_pet': false, 'pet_name': 'Rex'}"), TODAY);

        assertThat(evaluation.errors()).isEmpty();
        assertThat(evaluation.data()).isEqualTo(q("{'has_pet': false}"));
    }

    @Test
    void hiding_cascades_through_elements_that_depend_on_hidden_answers() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'yesno', 'key': 'a', 'label': {'de': 'A', 'en': 'A'}},
                 {'type': 'yesno', 'key': 'b', 'label': {'de': 'B', 'en': 'B'}, 'visibleIf': {'var': 'a'}},
                 {'type': 'text', 'key': 'c', 'label': {'de': 'C', 'en': 'C'}, 'visibleIf': {'var': 'b'}}]""");

        Evaluation evaluation = DataEvaluator.evaluate(definition, q("{'a': false, 'b': true, 'c': 'x'}"), TODAY);

        assertThat(evaluation.data()).isEqualTo(q("{'a': false}"));
        assertThat(evaluation.visiblePaths()).containsExactly("page", "a");
    }
}
