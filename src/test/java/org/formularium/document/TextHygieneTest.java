package org.formularium.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextHygieneTest {

    private final ReceiptFonts fonts = ReceiptFonts.get();

    private String clean(String text) {
        return TextHygiene.clean(text, fonts);
    }

    @Test
    void plain_ascii_is_returned_unchanged_without_copying() {
        String text = "Antrag 42: Hund, Katze & Maus\nZeile 2";
        assertThat(clean(text)).isSameAs(text);
    }

    @Test
    void null_becomes_empty() {
        assertThat(clean(null)).isEmpty();
    }

    @Test
    void normalises_to_nfc_and_unifies_line_breaks_and_tabs() {
        assertThat(clean("e\u0301a\u0308")).isEqualTo("éä");
        assertThat(clean("a\r\nb\rc\u2028d\u2029e\u0085f\tg")).isEqualTo("a\nb\nc\nd\ne\nf g");
    }

    @Test
    void drops_control_characters_bom_soft_hyphen_noncharacters_and_lone_surrogates() {
        assertThat(clean("A\u0000B\u0007C\u001BD\u007FE\u009BF")).isEqualTo("ABCDEF");
        assertThat(clean("\uFEFFSil\u00ADbe\uFFFE\uFFFF\uFDD0")).isEqualTo("Silbe");
        assertThat(clean("x\uD83Dy\uDE00z")).isEqualTo("xyz");
    }

    @Test
    void keeps_european_greek_cyrillic_arabic_and_hebrew_letters() {
        String text = "ÄÖÜäöüß€ Zażółć Příliš İığş Ξεσκεπάζω Съешь مرحبا שלום";
        assertThat(clean(text)).isEqualTo(text);
    }

    @Test
    void drops_emoji_sequences_and_flags_that_no_font_has() {
        assertThat(clean("a🔥b")).isEqualTo("ab");
        assertThat(clean("a👍🏽b")).as("Noto Sans Symbols 2 has the thumb, nobody the skin tone").isEqualTo("a👍b");
        assertThat(clean("a❤️b")).as("variation selector dropped").isEqualTo("a❤b");
        assertThat(clean("a👨‍👩‍👧‍👦b")).isEqualTo("ab");
        assertThat(clean("a🇩🇪b")).isEqualTo("ab");
        assertThat(clean("a🏴󠁧󠁢󠁳󠁣󠁴󠁿b")).isEqualTo("ab");
    }

    @Test
    void drops_bidi_overrides_and_isolates_but_keeps_marks() {
        assertThat(clean("12‮34‬ ⁦x⁩ a‎b‏c")).isEqualTo("1234 x a‎b‏c");
    }

    @Test
    void keeps_symbols_the_fallback_fonts_have() {
        assertThat(clean("☀ ✓ ∑ ⅓ ♿")).isEqualTo("☀ ✓ ∑ ⅓ ♿");
    }

    @Test
    void replaces_other_characters_without_glyph_by_a_visible_replacement() {
        assertThat(fonts.replacement).isEqualTo(0xFFFD);
        assertThat(clean("東京")).isEqualTo("\uFFFD\uFFFD");
        assertThat(clean("a\uE000b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void uses_question_mark_when_no_font_has_the_replacement_character() {
        assertThat(TextHygiene.clean("a東b", cp -> cp < 0x3000, '?')).isEqualTo("a?b");
    }

    @Test
    void every_character_left_has_a_glyph_or_is_a_newline() {
        for (String[] entry : UnicodeTortureTest.CORPUS) {
            String cleaned = clean(entry[1]);
            cleaned.codePoints().forEach(cp -> assertThat(cp == '\n' || fonts.covers(cp))
                    .as("U+%04X in %s", cp, entry[0]).isTrue());
        }
    }
}
