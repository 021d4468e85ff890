package org.formularium.document;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fonts shipped under {@code src/main/resources/fonts/}, parsed once per JVM and shared by all
 * documents (a {@link BaseFont} keeps no per-document state; subsets are tracked per writer).
 * Fallback order: DejaVu Sans, Noto Sans Symbols, Noto Sans Symbols 2.
 */
final class ReceiptFonts {

    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final AtomicInteger FILE_READS = new AtomicInteger();
    private static final AtomicLong BYTES_READ = new AtomicLong();

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont symbols;
    final BaseFont symbols2;
    /** The fonts a regular text may use, in fallback order. */
    private final BaseFont[] fallback;
    /** U+FFFD if a font has it, else '?': the visible stand-in for a character no font has. */
    final int replacement;
    /**
     * Picks the font of each run of text at body size. Built once: OpenPDF's constructor registers and parses
     * its own fallback font file each time (a profile of the outbox showed ~6 % of every receipt there), and
     * {@link FontSelector#process} only reads its font list, so one instance serves every thread.
     */
    final FontSelector selector;

    private ReceiptFonts() {
        regular = load("DejaVuSans.ttf");
        bold = load("DejaVuSans-Bold.ttf");
        symbols = load("NotoSansSymbols-Regular.ttf");
        symbols2 = load("NotoSansSymbols2-Regular.ttf");
        fallback = new BaseFont[] {regular, symbols, symbols2};
        replacement = covers(0xFFFD) ? 0xFFFD : '?';
        selector = new FontSelector();
        selector.addFont(new Font(regular, Typesetter.Style.BODY.size));
        selector.addFont(new Font(symbols, Typesetter.Style.BODY.size));
        selector.addFont(new Font(symbols2, Typesetter.Style.BODY.size));
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

    /** How many font files were read from the class path in this JVM (4 once anything was rendered). */
    static int fileReads() {
        return FILE_READS.get();
    }

    /** How many bytes of font files were read in this JVM: the sum of the four files' sizes, once. */
    static long bytesRead() {
        return BYTES_READ.get();
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
            byte[] bytes = in.readAllBytes();
            FILE_READS.incrementAndGet();
            BYTES_READ.addAndGet(bytes.length);
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
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
