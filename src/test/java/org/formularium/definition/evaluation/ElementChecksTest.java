package org.formularium.definition.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.formularium.definition.Fixtures.bilingualForm;
import static org.formularium.definition.Fixtures.q;
import static org.formularium.definition.evaluation.DataErrorCode.*;

import java.time.LocalDate;
import java.util.List;
import org.formularium.definition.model.FormDefinition;
import org.junit.jupiter.api.Test;

/** The checks of every element type, one element per test. */
class ElementChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static Evaluation evaluate(String element, String data) {
        FormDefinition definition = bilingualForm("[" + element + "]");
        return DataEvaluator.evaluate(definition, q(data), TODAY);
    }

    private static void assertError(Evaluation evaluation, String path, DataErrorCode code) {
        assertThat(evaluation.errors()).extracting(DataError::path, DataError::code).containsExactly(tuple(path, code));
    }

    private static void assertNoErrors(Evaluation evaluation) {
        assertThat(evaluation.errors()).isEmpty();
    }

    private static final String FIRST_NAME = "{'type': 'text', 'key': 'first_name', 'label': {'de': 'Vorname', 'en': 'First name'}, "
            + "'required': true, 'minLength': 2, 'maxLength': 5, 'pattern': '[A-Za-z]+'}";

    // ---- text -------------------------------------------------------------------------------------

    @Test
    void a_missing_required_text_says_enter_the_label_in_german_and_english() {
        Evaluation evaluation = evaluate(FIRST_NAME, "{}");

        assertError(evaluation, "first_name", REQUIRED);
        assertThat(evaluation.errors().get(0).message().get("de")).isEqualTo("Geben Sie Vorname ein.");
        assertThat(evaluation.errors().get(0).message().get("en")).isEqualTo("Enter First name");
    }

    @Test
    void a_blank_text_counts_as_missing_and_is_dropped() {
        Evaluation evaluation = evaluate(FIRST_NAME, "{'first_name': '   '}");

        assertError(evaluation, "first_name", REQUIRED);
        assertThat(evaluation.data().has("first_name")).isFalse();
    }

    @Test
    void text_is_trimmed_and_checked_for_length_and_pattern() {
        assertNoErrors(evaluate(FIRST_NAME, "{'first_name': '  Ada '}"));
        assertThat(evaluate(FIRST_NAME, "{'first_name': '  Ada '}").data().get("first_name").asText()).isEqualTo("Ada");
        assertError(evaluate(FIRST_NAME, "{'first_name': 'A'}"), "first_name", TOO_SHORT);
        assertError(evaluate(FIRST_NAME, "{'first_name': 'Adelheid'}"), "first_name", TOO_LONG);
        assertError(evaluate(FIRST_NAME, "{'first_name': 'Ad4'}"), "first_name", PATTERN_MISMATCH);
        assertError(evaluate(FIRST_NAME, "{'first_name': 42}"), "first_name", WRONG_TYPE);
    }

    @Test
    void too_short_text_says_how_many_characters_are_needed() {
        DataError error = evaluate(FIRST_NAME, "{'first_name': 'A'}").errors().get(0);

        assertThat(error.message().get("de")).isEqualTo("Vorname muss mindestens 2 Zeichen lang sein.");
        assertThat(error.message().get("en")).isEqualTo("First name must be 2 characters or more");
    }

    @Test
    void a_pattern_message_replaces_the_generic_one() {
        Evaluation evaluation = evaluate("{'type': 'text', 'key': 'plate', 'label': {'de': 'Kennzeichen', 'en': 'Plate'}, "
                + "'pattern': '[A-Z]+-[0-9]+', 'patternMessage': {'de': 'Wie WES-123.', 'en': 'Like WES-123'}}",
                "{'plate': 'wes'}");

        assertThat(evaluation.errors().get(0).message().get("en")).isEqualTo("Like WES-123");
    }

    @Test
    void textarea_checks_its_default_max_length() {
        String element = "{'type': 'textarea', 'key': 'remarks', 'label': {'de': 'Bemerkungen', 'en': 'Remarks'}}";

        assertNoErrors(evaluate(element, "{'remarks': '" + "x".repeat(4000) + "'}"));
        assertError(evaluate(element, "{'remarks': '" + "x".repeat(4001) + "'}"), "remarks", TOO_LONG);
    }

    // ---- numbers ----------------------------------------------------------------------------------

    private static final String AMOUNT = "{'type': 'currency', 'key': 'amount', 'label': {'de': 'Der Betrag', 'en': 'The amount'}, "
            + "'min': 10, 'max': 1000}";

    @Test
    void an_amount_below_the_minimum_is_too_small_with_the_minimum_formatted() {
        DataError error = evaluate(AMOUNT, "{'amount': 9.99}").errors().get(0);

        assertThat(error.code()).isEqualTo(TOO_SMALL);
        assertThat(error.message().get("de")).isEqualTo("Der Betrag muss mindestens 10,00 € sein.");
        assertThat(error.message().get("en")).isEqualTo("The amount must be €10.00 or more");
    }

    @Test
    void an_amount_allows_two_decimals_and_no_more() {
        assertNoErrors(evaluate(AMOUNT, "{'amount': 12.50}"));
        assertError(evaluate(AMOUNT, "{'amount': 12.505}"), "amount", TOO_MANY_DECIMALS);
        assertError(evaluate(AMOUNT, "{'amount': 1000.01}"), "amount", TOO_LARGE);
    }

    @Test
    void a_numeric_string_becomes_a_number_and_other_strings_are_not_a_number() {
        Evaluation evaluation = evaluate(AMOUNT, "{'amount': ' 20.5 '}");

        assertNoErrors(evaluation);
        assertThat(evaluation.data().get("amount").isNumber()).isTrue();
        assertError(evaluate(AMOUNT, "{'amount': 'zwanzig'}"), "amount", NOT_A_NUMBER);
        assertError(evaluate(AMOUNT, "{'amount': true}"), "amount", WRONG_TYPE);
    }

    @Test
    void a_number_respects_its_scale_and_bounds() {
        String element = "{'type': 'number', 'key': 'weight', 'label': {'de': 'Gewicht', 'en': 'Weight'}, "
                + "'scale': 1, 'min': 0.5, 'max': 7.5}";

        assertNoErrors(evaluate(element, "{'weight': 3.5}"));
        assertError(evaluate(element, "{'weight': 3.55}"), "weight", TOO_MANY_DECIMALS);
        assertError(evaluate(element, "{'weight': 0.4}"), "weight", TOO_SMALL);
        assertThat(evaluate(element, "{'weight': 8}").errors().get(0).message().get("de"))
                .isEqualTo("Gewicht darf höchstens 7,5 sein.");
    }

    @Test
    void an_integer_rejects_fractions() {
        String element = "{'type': 'integer', 'key': 'count', 'label': {'de': 'Anzahl', 'en': 'Count'}, 'min': 1, 'max': 3}";

        assertNoErrors(evaluate(element, "{'count': 2}"));
        assertError(evaluate(element, "{'count': 2.5}"), "count", NOT_AN_INTEGER);
        assertError(evaluate(element, "{'count': 0}"), "count", TOO_SMALL);
        assertError(evaluate(element, "{'count': 4}"), "count", TOO_LARGE);
    }

    // ---- dates ------------------------------------------------------------------------------------

    private static final String BIRTH_DATE = "{'type': 'date', 'key': 'birth_date', 'label': {'de': 'Geburtsdatum', "
            + "'en': 'Date of birth'}, 'minDate': '1900-01-01', 'maxDate': 'today-18y'}";

    @Test
    void a_date_must_be_real_and_within_its_bounds_relative_to_today() {
        assertNoErrors(evaluate(BIRTH_DATE, "{'birth_date': '2008-11-29'}"));
        assertError(evaluate(BIRTH_DATE, "{'birth_date': '2008-11-30'}"), "birth_date", DATE_TOO_LATE);
        assertError(evaluate(BIRTH_DATE, "{'birth_date': '1899-12-31'}"), "birth_date", DATE_TOO_EARLY);
        assertError(evaluate(BIRTH_DATE, "{'birth_date': '2001-02-29'}"), "birth_date", INVALID_DATE);
        assertError(evaluate(BIRTH_DATE, "{'birth_date': '29.11.2001'}"), "birth_date", INVALID_DATE);
    }

    @Test
    void a_late_date_names_the_latest_date_in_each_language() {
        DataError error = evaluate(BIRTH_DATE, "{'birth_date': '2010-01-01'}").errors().get(0);

        assertThat(error.message().get("de")).isEqualTo("Geburtsdatum muss am oder vor dem 29.11.2008 liegen.");
        assertThat(error.message().get("en")).isEqualTo("Date of birth must be the same as or before 29 November 2008");
    }

    // ---- email, phone, iban -----------------------------------------------------------------------

    @Test
    void an_email_needs_an_at_sign_and_a_domain() {
        String element = "{'type': 'email', 'key': 'email', 'label': {'de': 'E-Mail', 'en': 'Email'}}";

        assertNoErrors(evaluate(element, "{'email': 'ada@example.org'}"));
        assertError(evaluate(element, "{'email': 'ada@example'}"), "email", INVALID_EMAIL);
        assertError(evaluate(element, "{'email': 'ada example.org'}"), "email", INVALID_EMAIL);
    }

    @Test
    void a_phone_number_allows_digits_spaces_and_separators() {
        String element = "{'type': 'phone', 'key': 'phone', 'label': {'de': 'Telefon', 'en': 'Phone'}}";

        assertNoErrors(evaluate(element, "{'phone': '+49 (281) 123-45/6'}"));
        assertError(evaluate(element, "{'phone': '12-34'}"), "phone", INVALID_PHONE);
        assertError(evaluate(element, "{'phone': '0281 CALL ME'}"), "phone", INVALID_PHONE);
    }

    @Test
    void an_iban_is_normalised_and_checked_with_mod_97() {
        String element = "{'type': 'iban', 'key': 'iban', 'label': {'de': 'IBAN', 'en': 'IBAN'}, 'countries': ['DE']}";

        Evaluation evaluation = evaluate(element, "{'iban': 'de89 3704 0044 0532 0130 00'}");

        assertNoErrors(evaluation);
        assertThat(evaluation.data().get("iban").asText()).isEqualTo("DE89370400440532013000");
        assertError(evaluate(element, "{'iban': 'DE89370400440532013001'}"), "iban", INVALID_IBAN);
        assertError(evaluate(element, "{'iban': 'AT611904300234573201'}"), "iban", INVALID_IBAN);
    }

    // ---- address ----------------------------------------------------------------------------------

    private static final String ADDRESS = "{'type': 'address', 'key': 'address', 'label': {'de': 'Anschrift', 'en': 'Address'}, "
            + "'required': true}";

    @Test
    void a_german_address_gets_its_country_and_needs_a_five_digit_postal_code() {
        Evaluation evaluation = evaluate(ADDRESS,
                "{'address': {'street': 'Rathausplatz', 'houseNumber': '20', 'postalCode': '46562', 'city': 'Voerde', 'extra': 1}}");

        assertNoErrors(evaluation);
        assertThat(evaluation.data().get("address")).isEqualTo(q(
                "{'street': 'Rathausplatz', 'houseNumber': '20', 'postalCode': '46562', 'city': 'Voerde', 'country': 'DE'}"));
        assertError(evaluate(ADDRESS, "{'address': {'street': 'A', 'houseNumber': '1', 'postalCode': '4656', 'city': 'V'}}"),
                "address.postalCode", INVALID_POSTAL_CODE);
    }

    @Test
    void missing_address_parts_are_each_required() {
        Evaluation evaluation = evaluate(ADDRESS, "{'address': {'street': 'Rathausplatz', 'postalCode': '46562'}}");

        assertThat(evaluation.errors()).extracting(DataError::path, DataError::code).containsExactly(
                tuple("address.houseNumber", REQUIRED), tuple("address.city", REQUIRED));
        assertThat(evaluation.errors().get(1).message().get("de")).isEqualTo("Geben Sie den Ort für Anschrift ein.");
    }

    @Test
    void an_address_from_a_country_not_offered_is_an_unknown_option() {
        assertError(evaluate(ADDRESS, "{'address': {'street': 'A', 'houseNumber': '1', 'postalCode': '1010', "
                + "'city': 'Wien', 'country': 'AT'}}"), "address.country", UNKNOWN_OPTION);
    }

    // ---- choices ----------------------------------------------------------------------------------

    private static final String OPTIONS = "'options': [{'value': 'A', 'label': {'de': 'a', 'en': 'a'}}, "
            + "{'value': 'B', 'label': {'de': 'b', 'en': 'b'}}, {'value': 'C', 'label': {'de': 'c', 'en': 'c'}}]";

    @Test
    void a_radio_choice_accepts_only_its_option_values() {
        String element = "{'type': 'choice', 'key': 'reason', 'label': {'de': 'Grund', 'en': 'Reason'}, 'display': 'radio', "
                + "'required': true, " + OPTIONS + "}";

        assertNoErrors(evaluate(element, "{'reason': 'B'}"));
        assertError(evaluate(element, "{'reason': 'X'}"), "reason", UNKNOWN_OPTION);
        DataError missing = evaluate(element, "{}").errors().get(0);
        assertThat(missing.message().get("de")).isEqualTo("Wählen Sie Grund aus.");
        assertThat(missing.message().get("en")).isEqualTo("Select Reason");
    }

    @Test
    void checkboxes_count_the_selected_options() {
        String element = "{'type': 'choice', 'key': 'zones', 'label': {'de': 'Zonen', 'en': 'Zones'}, 'display': 'checkboxes', "
                + "'minSelected': 2, 'maxSelected': 2, " + OPTIONS + "}";

        assertNoErrors(evaluate(element, "{'zones': ['A', 'C']}"));
        assertError(evaluate(element, "{'zones': ['A', 'A']}"), "zones", TOO_FEW_SELECTED);
        assertError(evaluate(element, "{'zones': ['A', 'B', 'C']}"), "zones", TOO_MANY_SELECTED);
        assertError(evaluate(element, "{'zones': ['A', 'Z']}"), "zones", UNKNOWN_OPTION);
        assertError(evaluate(element, "{'zones': 'A'}"), "zones", WRONG_TYPE);
    }

    @Test
    void yes_no_needs_a_boolean_and_false_counts_as_an_answer() {
        String element = "{'type': 'yesno', 'key': 'electric', 'label': {'de': 'Elektro', 'en': 'Electric'}, 'required': true}";

        assertNoErrors(evaluate(element, "{'electric': false}"));
        assertError(evaluate(element, "{'electric': 'ja'}"), "electric", WRONG_TYPE);
        assertError(evaluate(element, "{}"), "electric", REQUIRED);
    }

    @Test
    void required_consent_must_be_given() {
        String element = "{'type': 'consent', 'key': 'truthful', 'label': {'de': 'Richtigkeit', 'en': 'Truthfulness'}, "
                + "'statement': {'de': 'Stimmt.', 'en': 'True.'}, 'required': true}";

        assertNoErrors(evaluate(element, "{'truthful': true}"));
        assertError(evaluate(element, "{'truthful': false}"), "truthful", CONSENT_REQUIRED);
        assertError(evaluate(element, "{}"), "truthful", CONSENT_REQUIRED);
    }

    // ---- files ------------------------------------------------------------------------------------

    private static final String PROOF = "{'type': 'file', 'key': 'proof', 'label': {'de': 'Nachweis', 'en': 'Proof'}, "
            + "'maxSizeKb': 100, 'maxFiles': 2, 'required': true}";

    private static String file(String name, String mediaType, long size) {
        return "{'id': 'f-" + name + "', 'name': '" + name + "', 'size': " + size + ", 'mediaType': '" + mediaType
                + "', 'sha256': 'abc'}";
    }

    @Test
    void files_are_checked_for_count_type_and_size() {
        assertNoErrors(evaluate(PROOF, "{'proof': [" + file("a.pdf", "application/pdf", 1000) + "]}"));
        assertError(evaluate(PROOF, "{'proof': []}"), "proof", REQUIRED);
        assertError(evaluate(PROOF, "{'proof': [" + file("a.pdf", "application/pdf", 1) + ", " + file("b.pdf", "application/pdf", 1)
                + ", " + file("c.pdf", "application/pdf", 1) + "]}"), "proof", TOO_MANY_FILES);
        assertError(evaluate(PROOF, "{'proof': [" + file("a.pdf", "application/pdf", 1) + ", " + file("b.exe", "application/x-msdownload", 1)
                + "]}"), "proof[1]", FILE_TYPE_NOT_ALLOWED);
        assertError(evaluate(PROOF, "{'proof': [" + file("big.pdf", "application/pdf", 100 * 1024 + 1) + "]}"),
                "proof[0]", FILE_TOO_LARGE);
        assertError(evaluate(PROOF, "{'proof': [{'name': 'x'}]}"), "proof[0]", WRONG_TYPE);
    }

    @Test
    void a_file_of_the_wrong_type_names_the_allowed_types() {
        DataError error = evaluate(PROOF, "{'proof': [" + file("b.exe", "application/x-msdownload", 1) + "]}").errors().get(0);

        assertThat(error.message().get("de")).isEqualTo("Die Datei b.exe muss eines dieser Formate haben: PDF, JPG oder PNG.");
        assertThat(error.message().get("en")).isEqualTo("The file b.exe must be a PDF, JPG or PNG");
    }

    @Test
    void fewer_files_than_the_minimum_are_too_few() {
        String element = "{'type': 'file', 'key': 'photos', 'label': {'de': 'Fotos', 'en': 'Photos'}, 'minFiles': 2, 'maxFiles': 3}";

        assertError(evaluate(element, "{'photos': [" + file("a.png", "image/png", 1) + "]}"), "photos", TOO_FEW_FILES);
    }

    // ---- groups -----------------------------------------------------------------------------------

    private static final String CHILDREN = "{'type': 'group', 'key': 'children', 'label': {'de': 'Kinder', 'en': 'Children'}, "
            + "'itemLabel': {'de': 'Kind', 'en': 'Child'}, 'minItems': 1, 'maxItems': 2, 'elements': ["
            + "{'type': 'text', 'key': 'name', 'label': {'de': 'Name', 'en': 'Name'}, 'required': true}]}";

    @Test
    void a_group_counts_its_items_and_checks_each_item() {
        assertNoErrors(evaluate(CHILDREN, "{'children': [{'name': 'Ada'}]}"));
        assertError(evaluate(CHILDREN, "{}"), "children", TOO_FEW_ITEMS);
        assertError(evaluate(CHILDREN, "{'children': [{'name': 'A'}, {'name': 'B'}, {'name': 'C'}]}"), "children", TOO_MANY_ITEMS);
        assertError(evaluate(CHILDREN, "{'children': [{'name': 'Ada'}, {'age': 3}]}"), "children[1].name", REQUIRED);
        assertError(evaluate(CHILDREN, "{'children': [{'name': 'Ada'}, 'Bob']}"), "children[1]", WRONG_TYPE);
    }

    @Test
    void unknown_keys_inside_group_items_are_dropped() {
        Evaluation evaluation = evaluate(CHILDREN, "{'children': [{'name': 'Ada', 'age': 3}]}");

        assertThat(evaluation.data()).isEqualTo(q("{'children': [{'name': 'Ada'}]}"));
    }

    @Test
    void every_message_has_german_and_english() {
        List<Evaluation> evaluations = List.of(evaluate(FIRST_NAME, "{'first_name': 'A'}"), evaluate(AMOUNT, "{'amount': 1}"),
                evaluate(BIRTH_DATE, "{'birth_date': 'x'}"), evaluate(CHILDREN, "{}"), evaluate(ADDRESS, "{}"));

        assertThat(evaluations).flatMap(Evaluation::errors).allSatisfy(error -> {
            assertThat(error.message().values().get("de")).isNotBlank().doesNotContain("{");
            assertThat(error.message().values().get("en")).isNotBlank().doesNotContain("{");
        });
    }
}
