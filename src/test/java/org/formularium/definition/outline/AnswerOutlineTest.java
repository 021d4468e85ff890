package org.formularium.definition.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.formularium.definition.Fixtures.bilingualForm;
import static org.formularium.definition.Fixtures.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.formularium.definition.Fixtures;
import org.formularium.definition.model.FormDefinition;
import org.junit.jupiter.api.Test;

class AnswerOutlineTest {

    private static final FormDefinition PARKING = Fixtures.completeForm();

    private static JsonNode answers() {
        return q("""
                {'first_name': 'Ada', 'last_name': 'Lovelace', 'birth_date': '1990-12-10', 'email': 'ada@example.org',
                 'address': {'street': 'Rathausplatz', 'houseNumber': '20', 'postalCode': '46562', 'city': 'Voerde'},
                 'reason': 'resident', 'zones': ['A', 'C'], 'vehicles': 2, 'weight': 1234.5, 'electric': true,
                 'plates': [{'plate': 'WES-AB 123', 'leased': true, 'lessor': 'Leasing AG'}, {'plate': 'WES-C 9', 'leased': false}],
                 'donation': 1234.5, 'iban': 'DE89370400440532013000', 'truthful': true,
                 'proof': [{'id': 'f1', 'name': 'nachweis.pdf', 'size': 12595, 'mediaType': 'application/pdf', 'sha256': 'abc'}]}""");
    }

    private static Map<String, OutlineAnswer> byPath(AnswerOutline outline) {
        return outline.answers().stream().collect(Collectors.toMap(OutlineAnswer::path, Function.identity()));
    }

    @Test
    void visible_pages_come_in_order_with_their_titles() {
        AnswerOutline outline = AnswerOutline.build(PARKING, answers(), Locale.GERMAN);

        assertThat(outline.title()).isEqualTo("Ausnahmegenehmigung Parkausweis");
        assertThat(outline.pages()).extracting(OutlinePage::key, OutlinePage::title).containsExactly(
                org.assertj.core.api.Assertions.tuple("person", "Angaben zur Person"),
                org.assertj.core.api.Assertions.tuple("vehicle", "Fahrzeug"),
                org.assertj.core.api.Assertions.tuple("payment", "Zahlung"));
    }

    @Test
    void whole_numbers_of_four_digits_stay_ungrouped_like_a_year_and_longer_ones_are_grouped() {
        com.fasterxml.jackson.databind.node.ObjectNode year = (com.fasterxml.jackson.databind.node.ObjectNode) answers();
        year.put("vehicles", 2025);
        com.fasterxml.jackson.databind.node.ObjectNode many = (com.fasterxml.jackson.databind.node.ObjectNode) answers();
        many.put("vehicles", 12500);

        assertThat(byPath(AnswerOutline.build(PARKING, year, Locale.GERMAN)).get("vehicles").displayValue()).isEqualTo("2025");
        assertThat(byPath(AnswerOutline.build(PARKING, year, Locale.ENGLISH)).get("vehicles").displayValue()).isEqualTo("2025");
        assertThat(byPath(AnswerOutline.build(PARKING, many, Locale.GERMAN)).get("vehicles").displayValue()).isEqualTo("12.500");
        assertThat(byPath(AnswerOutline.build(PARKING, many, Locale.ENGLISH)).get("vehicles").displayValue()).isEqualTo("12,500");
    }

    @Test
    void german_values_are_formatted_the_german_way() {
        Map<String, OutlineAnswer> answers = byPath(AnswerOutline.build(PARKING, answers(), Locale.GERMAN));

        assertThat(answers.get("first_name").label()).isEqualTo("Vorname");
        assertThat(answers.get("birth_date").displayValue()).isEqualTo("10.12.1990");
        assertThat(answers.get("donation").displayValue()).isEqualTo("1.234,50 €");
        assertThat(answers.get("fee").displayValue()).isEqualTo("61,00 €");
        assertThat(answers.get("weight").displayValue()).isEqualTo("1.234,5 t");
        assertThat(answers.get("reason").displayValue()).isEqualTo("Anwohner");
        assertThat(answers.get("zones").displayValue()).isEqualTo("Innenstadt, Spellen");
        assertThat(answers.get("electric").displayValue()).isEqualTo("Ja");
        assertThat(answers.get("plates[1].leased").displayValue()).isEqualTo("Nein");
        assertThat(answers.get("address").displayValue()).isEqualTo("Rathausplatz 20\n46562 Voerde");
        assertThat(answers.get("iban").displayValue()).isEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(answers.get("proof").displayValue()).isEqualTo("nachweis.pdf (12,3 KB)");
    }

    @Test
    void english_values_are_formatted_the_english_way() {
        Map<String, OutlineAnswer> answers = byPath(AnswerOutline.build(PARKING, answers(), Locale.ENGLISH));

        assertThat(answers.get("first_name").label()).isEqualTo("First name");
        assertThat(answers.get("birth_date").displayValue()).isEqualTo("10 December 1990");
        assertThat(answers.get("donation").displayValue()).isEqualTo("€1,234.50");
        assertThat(answers.get("reason").displayValue()).isEqualTo("Resident");
        assertThat(answers.get("electric").displayValue()).isEqualTo("Yes");
        assertThat(answers.get("proof").displayValue()).isEqualTo("nachweis.pdf (12.3 KB)");
    }

    @Test
    void repeating_groups_become_numbered_items() {
        AnswerOutline outline = AnswerOutline.build(PARKING, answers(), Locale.GERMAN);

        OutlineGroup plates = outline.pages().get(1).entries().stream()
                .filter(OutlineGroup.class::isInstance).map(OutlineGroup.class::cast).findFirst().orElseThrow();

        assertThat(plates.label()).isEqualTo("Kennzeichen");
        assertThat(plates.items()).extracting(OutlineItem::label).containsExactly("Fahrzeug 1", "Fahrzeug 2");
        assertThat(plates.items().get(0).entries()).hasSize(3);
        assertThat(plates.items().get(1).entries()).as("the lessor is hidden in item 2").hasSize(2);
    }

    @Test
    void sections_keep_their_title_and_children() {
        AnswerOutline outline = AnswerOutline.build(PARKING, answers(), Locale.ENGLISH);

        OutlineSection residence = (OutlineSection) outline.pages().get(0).entries().get(outline.pages().get(0).entries().size() - 1);

        assertThat(residence.title()).isEqualTo("Residence");
        assertThat(residence.entries()).extracting(e -> ((OutlineAnswer) e).label()).containsExactly("Address");
    }

    @Test
    void unanswered_optional_inputs_are_flagged_and_hidden_ones_left_out() {
        Map<String, OutlineAnswer> answers = byPath(AnswerOutline.build(PARKING, answers(), Locale.GERMAN));

        assertThat(answers.get("phone").answered()).isFalse();
        assertThat(answers.get("phone").displayValue()).isEmpty();
        assertThat(answers).doesNotContainKeys("company", "channel", "intro", "plates[1].lessor");
    }

    @Test
    void a_hidden_page_is_left_out() {
        JsonNode data = answers();
        ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("vehicles", 0);

        AnswerOutline outline = AnswerOutline.build(PARKING, data, Locale.GERMAN);

        assertThat(outline.pages()).extracting(OutlinePage::key).containsExactly("person", "vehicle");
    }

    @Test
    void a_foreign_address_shows_its_country() {
        FormDefinition definition = bilingualForm("""
                [{'type': 'address', 'key': 'address', 'label': {'de': 'Anschrift', 'en': 'Address'}, 'countries': ['DE', 'NL']}]""");

        AnswerOutline outline = AnswerOutline.build(definition, q("""
                {'address': {'street': 'Markt', 'houseNumber': '1', 'postalCode': '1234 AB', 'city': 'Venlo', 'country': 'NL'}}"""),
                Locale.GERMAN);

        assertThat(outline.answers().get(0).displayValue()).isEqualTo("Markt 1\n1234 AB Venlo\nNiederlande");
    }
}
