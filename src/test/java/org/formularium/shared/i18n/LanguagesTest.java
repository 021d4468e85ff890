package org.formularium.shared.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void accept_language_picks_the_first_supported_language() {
        assertThat(Languages.fromAcceptLanguage("fr-FR,en-GB;q=0.8,de;q=0.5")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9")).isEqualTo(Languages.GERMAN);
    }

    @Test
    void unknown_missing_or_malformed_headers_give_german() {
        assertThat(Languages.fromAcceptLanguage("fr")).isEqualTo(Languages.GERMAN);
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Languages.GERMAN);
        assertThat(Languages.fromAcceptLanguage(";;q=abc")).isEqualTo(Languages.GERMAN);
    }
}
