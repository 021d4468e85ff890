package org.formularium.document;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fonts shipped under {@code src/main/resources/fonts/}, parsed once per JVM and shared by all
 * documents (a {@link BaseFont} keeps no per-document state; subsets are tracked per writer).
 * Fallback order: DejaVu Sans, Noto Sans Symbols, Noto Sans Symbols 2.
 */
final class ReceiptFonts {

    private static final AtomicInteger LOADS = new AtomicInteger();

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont symbols;
    final BaseFont symbols2;
    /** The fonts a regular text may use, in fallback order. */
    private final BaseFont[] fallback;
    /** U+FFFD if a font has it, else '?': the visible stand-in for a character no font has. */
    final int replacement;

    private ReceiptFonts() {
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
        symbols = load("NotoSansSymbols-Regular.ttf");
        symbols2 = load("NotoSansSymbols2-Regular.ttf");
        fallback = new BaseFont[] {regular, symbols, symbols2};
        replacement = covers(0xFFFD) ? 0xFFFD : '?';
        LOADS.incrementAndGet();
    }

    private static final class Holder {
        static final ReceiptFonts INSTANCE = new ReceiptFonts();
    }

    static ReceiptFonts get() {
        return Holder.INSTANCE;
    }

    /** How often the font set was loaded in this JVM: 1 once anything was rendered. */
    static int loadCount() {
        return LOADS.get();
    }

    /** Whether some font of the fallback chain has a glyph for the code point. */
    boolean covers(int codePoint) {
        for (BaseFont font : fallback) {
            if (font.charExists(codePoint)) {
                return true;
            }
        }
        return false;
    }

    private static BaseFont load(String file) {
        String resource = "/fonts/" + file;
        try (InputStream in = ReceiptFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing on the class path: " + resource);
            }
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
            // OpenPDF writes an incomplete CIDSet, which fails PDF/A-2/3 and PDF/UA; it is optional.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot parse font " + resource, e);
        }
    }
}
