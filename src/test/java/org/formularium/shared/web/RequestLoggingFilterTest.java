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
    void line_breaks_cannot_forge_log_lines() {
        assertThat(RequestLoggingFilter.sanitize("/forms\r\nINFO fake")).isEqualTo("/formsINFO fake");
    }
}
