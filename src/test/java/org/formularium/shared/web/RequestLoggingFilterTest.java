package org.formularium.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLoggingFilterTest {

    @Test
    void resume_tokens_in_paths_are_masked() {
        assertThat(RequestLoggingFilter.sanitize("/f/fischereischein/resume/AbC123secret"))
                .isEqualTo("/f/fischereischein/resume/***");
    }

    @Test
    void the_runtime_resume_link_token_is_masked() {
        // the link "Speichern und später fortsetzen" hands out: /f/{key}/fortsetzen/{token}
        assertThat(RequestLoggingFilter.sanitize("/f/fischereischein/fortsetzen/9f2KxQ-secret_token"))
                .isEqualTo("/f/fischereischein/fortsetzen/***");
    }

    @Test
    void line_breaks_cannot_forge_log_lines() {
        assertThat(RequestLoggingFilter.sanitize("/forms\r\nINFO fake")).isEqualTo("/formsINFO fake");
    }
}
