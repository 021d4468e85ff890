package org.formularium.definition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

    @Test
    void forbidden_characters_are_removed_and_everything_else_stays() {
        assertThat(XmlChars.clean("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff"))
                .isEqualTo("abcdef");
        assertThat(XmlChars.clean("tab\tlf\ncr\r")).isEqualTo("tab\tlf\ncr\r");
        assertThat(XmlChars.clean("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone  high, lone  low");
        assertThat(XmlChars.clean("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
        assertThat(XmlChars.clean("Grüße ß € 😀 שלום \uFFFD")).isEqualTo("Grüße ß € 😀 שלום \uFFFD");
        assertThat(XmlChars.clean(null)).isEmpty();
    }

    @Test
    void clean_text_is_returned_as_is() {
        String text = "Straßenlaterne an der Schloßstraße";
        assertThat(XmlChars.clean(text)).isSameAs(text);
    }
}
