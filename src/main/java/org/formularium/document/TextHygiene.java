package org.formularium.document;

import java.text.Normalizer;
import java.util.function.IntPredicate;

/**
 * Makes user text safe to draw, before it reaches the PDF:
 * <ul>
 *   <li>NFC normalisation; CR LF, CR, NEL, U+2028 and U+2029 become a newline; tab becomes a space;</li>
 *   <li>dropped: other ISO control characters, lone surrogates, U+FEFF (fails PDF/UA 7.21.7), the soft
 *       hyphen (OpenPDF would draw it as "-"), non-characters, bidi embeddings/overrides/isolates (they
 *       can make a value look reversed), the emoji/text variation selectors U+FE0E/U+FE0F;</li>
 *   <li>emoji that no font has are dropped together with their sequence (ZWJ, variation selectors, skin
 *       tones, tags), as are flags (regional indicators) and invisible format or combining characters
 *       without a glyph;</li>
 *   <li>any other character without a glyph in any font becomes a visible replacement (U+FFFD if a font
 *       has it, else '?'), and unknown spaces become a plain space.</li>
 * </ul>
 * Never throws; {@code null} becomes "".
 */
final class TextHygiene {

    private TextHygiene() {
    }

    static String clean(String text, ReceiptFonts fonts) {
        return clean(text, fonts::covers, fonts.replacement);
    }

    static String clean(String text, IntPredicate hasGlyph, int replacement) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isPlainAscii(text)) {
            return text;
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        boolean inDroppedEmoji = false;
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                i += 2;
            } else {
                cp = c;
                i++;
                if (Character.isSurrogate(c)) {
                    continue; // lone surrogate
                }
            }
            if (cp == '\r') {
                if (i < n && s.charAt(i) == '\n') {
                    i++;
                }
                out.append('\n');
                inDroppedEmoji = false;
                continue;
            }
            if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                out.append('\n');
                inDroppedEmoji = false;
                continue;
            }
            if (cp == '\t') {
                out.append(' ');
                inDroppedEmoji = false;
                continue;
            }
            if (Character.isISOControl(cp) || cp == 0xFEFF || cp == 0x00AD || isNonCharacter(cp)
                    || isBidiControl(cp) || cp == 0xFE0E || cp == 0xFE0F) {
                continue;
            }
            if (isEmojiComponent(cp)) {
                // ZWJ, variation selectors, skin tones, tags, keycap: keep only if drawable and not
                // part of an emoji that was dropped
                if (!inDroppedEmoji && hasGlyph.test(cp)) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (hasGlyph.test(cp)) {
                out.appendCodePoint(cp);
                inDroppedEmoji = false;
                continue;
            }
            if (isEmoji(cp)) {
                inDroppedEmoji = true;
                continue;
            }
            inDroppedEmoji = false;
            switch (Character.getType(cp)) {
                case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                        Character.COMBINING_SPACING_MARK -> {
                    // invisible or attached to a base character: nothing to show on its own
                }
                case Character.SPACE_SEPARATOR -> out.append(' ');
                default -> out.appendCodePoint(replacement);
            }
        }
        return out.toString();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they could make a
     * value look different from what was submitted (e.g. reversed digits). The marks LRM/RLM stay.
     */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** Characters that only modify or join emoji. */
    private static boolean isEmojiComponent(int cp) {
        return cp == 0x200D                          // zero width joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F)    // variation selectors
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)  // skin tone modifiers
                || (cp >= 0xE0000 && cp <= 0xE007F)  // tags (subdivision flags)
                || (cp >= 0xE0100 && cp <= 0xE01EF)  // variation selectors supplement
                || cp == 0x20E3;                     // combining enclosing keycap
    }

    /** Pictographic code points (Java 17 has no Character.isEmoji), including regional indicators. */
    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }
}
