package org.formularium.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHashTest {

    @Test
    void the_request_hash_is_sha256_of_form_key_line_feed_and_the_data_json() throws Exception {
        // replays of keys stored by earlier releases must still match: same bytes as before streaming
        com.fasterxml.jackson.databind.JsonNode data = org.formularium.definition.DefinitionJson.mapper()
                .readTree("{\"name\":\"Jürgen Weißmüller\",\"n\":[1,2.5,true],\"t\":\"€ \\u2028 😀\"}");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(("form\n" + org.formularium.definition.DefinitionJson.mapper().writeValueAsString(data))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(SubmissionService.requestHash("form", data)).isEqualTo(expected);
    }
}
