package org.formularium.fim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void umlauts_and_sharp_s_are_transliterated_and_the_rest_becomes_underscores() {
        assertThat(Keys.elementKey("Straße und Größe – Übung", "F1")).isEqualTo("strasse_und_groesse_uebung");
        assertThat(Keys.elementKey("ÄRZTIN (Öffentlicher Dienst)", "F1")).isEqualTo("aerztin_oeffentlicher_dienst");
        assertThat(Keys.elementKey("Café Señor", "F1")).isEqualTo("cafe_senor");
    }

    @Test
    void keys_that_would_start_with_a_digit_get_a_letter_prefix() {
        assertThat(Keys.elementKey("1. Vorname", "F1")).isEqualTo("f_1_vorname");
        assertThat(Keys.elementKey("_2024", "F1")).isEqualTo("f_2024");
    }

    @Test
    void names_without_letters_or_digits_fall_back_to_the_fim_id() {
        assertThat(Keys.elementKey("§ / §", "F60000227")).isEqualTo("f60000227");
        assertThat(Keys.elementKey("", null)).isEqualTo("feld");
    }

    @Test
    void long_names_are_cut_to_63_characters_without_a_trailing_underscore() {
        String key = Keys.elementKey("Angaben zur gesetzlichen Vertreterin oder zum gesetzlichen Vertreter des Kindes",
                "F1");
        assertThat(key).hasSizeLessThanOrEqualTo(63).matches(Keys.ELEMENT_KEY).doesNotEndWith("_")
                .startsWith("angaben_zur_gesetzlichen_vertreterin");
    }

    @Test
    void collisions_in_one_scope_get_numbered_suffixes_within_63_characters() {
        Keys.Scope scope = new Keys.Scope();
        assertThat(scope.allocate("Name", "F1")).isEqualTo("name");
        assertThat(scope.allocate("Name", "F2")).isEqualTo("name_2");
        assertThat(scope.allocate("NAME", "F3")).isEqualTo("name_3");
        String longName = "x".repeat(80);
        assertThat(scope.allocate(longName, "F4")).hasSize(63);
        assertThat(scope.allocate(longName, "F5")).hasSize(63).endsWith("_2").matches(Keys.ELEMENT_KEY);
    }

    @Test
    void separate_scopes_do_not_collide() {
        assertThat(new Keys.Scope().allocate("Name", "F1")).isEqualTo("name");
        assertThat(new Keys.Scope().allocate("Name", "F1")).isEqualTo("name");
    }

    @Test
    void form_keys_are_hyphen_separated_and_match_the_form_key_pattern() {
        assertThat(Keys.formKey("Natürliche Person (abstrakt, umfassend)", "S1"))
                .isEqualTo("natuerliche-person-abstrakt-umfassend");
        assertThat(Keys.formKey("1. Antrag auf Fischereischein", "S1")).isEqualTo("fim-1-antrag-auf-fischereischein");
        assertThat(Keys.formKey("X", "S1")).isEqualTo("fim-x");
        assertThat(Keys.formKey("???", "S00000092")).isEqualTo("s00000092");
        assertThat(Keys.formKey("Sehr langer Name ".repeat(10), "S1")).hasSizeLessThanOrEqualTo(63)
                .matches(Keys.FORM_KEY).doesNotEndWith("-");
    }

    @Test
    void option_values_keep_allowed_characters_and_replace_the_others() {
        assertThat(Keys.optionValue("01")).isEqualTo("01");
        assertThat(Keys.optionValue("A.b-c_d")).isEqualTo("A.b-c_d");
        assertThat(Keys.optionValue("Ä 6")).isEqualTo("Ae_6");
        assertThat(Keys.optionValue("   ")).isNull();
        assertThat(Keys.optionValue("x".repeat(70))).hasSize(64);
    }
}
