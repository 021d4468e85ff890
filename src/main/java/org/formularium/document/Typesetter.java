package org.formularium.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

/**
 * Turns user text into phrases: text hygiene first, then glyph fallback with ONE {@link FontSelector} per
 * document (DejaVu Sans, Noto Sans Symbols, Noto Sans Symbols 2). OpenPDF's FontSelector constructor
 * parses a bundled TrueType font each time (~2 MB, issue 1257), so it is never created per string or per
 * style: the selector picks the font and each style re-sets the chunks' size and weight (bold falls back to
 * regular DejaVu where the bold face lacks a glyph). Single use, not thread-safe.
 */
final class Typesetter {

    /** A text style: size and weight. */
    enum Style {
        BODY(10, false), LABEL(10, true), SMALL(8, false), SMALL_BOLD(9, true), HASH(7.5f, false),
        H1(16, true), H2(13, true), H3(11.5f, true), H4(10.5f, true), H5(10, true), H6(10, true);

        final float size;
        final boolean bold;

        Style(float size, boolean bold) {
            this.size = size;
            this.bold = bold;
        }
    }

    private final ReceiptFonts fonts;
    private final FontSelector selector;
    /** Per style: regular, bold (or regular), symbols, symbols 2 at the style's size. */
    private final Font[][] styleFonts = new Font[Style.values().length][];

    Typesetter(ReceiptFonts fonts) {
        this.fonts = fonts;
        selector = fonts.selector;
    }

    /** Cleans the text (see {@link TextHygiene}). */
    String clean(String text) {
        return TextHygiene.clean(text, fonts);
    }

    Phrase phrase(String text, Style style) {
        Phrase selected = selector.process(clean(text));
        Font[] styled = fonts(style);
        Phrase phrase = new Phrase();
        for (Element element : selected) {
            Chunk chunk = (Chunk) element;
            BaseFont base = chunk.getFont().getBaseFont();
            String content = chunk.getContent();
            if (base == fonts.symbols) {
                phrase.add(new Chunk(content, styled[2]));
            } else if (base == fonts.symbols2) {
                phrase.add(new Chunk(content, styled[3]));
            } else if (!style.bold || base != fonts.regular) {
                // regular DejaVu; also the selector's own last resort, which hygiene keeps unused
                phrase.add(new Chunk(content, styled[0]));
            } else {
                addBold(phrase, content, styled);
            }
        }
        return phrase;
    }

    /** Bold where DejaVu Sans Bold has the glyph, regular elsewhere (it lacks a few). */
    private void addBold(Phrase phrase, String content, Font[] styled) {
        int runStart = 0;
        boolean runBold = true;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            boolean bold = cp == '\n' || fonts.bold.charExists(cp);
            if (bold != runBold && i > runStart) {
                phrase.add(new Chunk(content.substring(runStart, i), runBold ? styled[1] : styled[0]));
                runStart = i;
            }
            runBold = bold;
            i += Character.charCount(cp);
        }
        if (runStart < content.length()) {
            phrase.add(new Chunk(content.substring(runStart), runBold ? styled[1] : styled[0]));
        }
    }

    private Font[] fonts(Style style) {
        Font[] styled = styleFonts[style.ordinal()];
        if (styled == null) {
            styled = new Font[] {
                    new Font(fonts.regular, style.size),
                    new Font(style.bold ? fonts.bold : fonts.regular, style.size),
                    new Font(fonts.symbols, style.size),
                    new Font(fonts.symbols2, style.size)};
            styleFonts[style.ordinal()] = styled;
        }
        return styled;
    }
}
