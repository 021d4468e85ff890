package org.formularium.document;

import org.formularium.document.ReceiptBlock.Answers;
import org.formularium.document.ReceiptBlock.Item;
import org.formularium.document.ReceiptBlock.RepeatedItems;
import org.formularium.document.ReceiptBlock.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.formularium.document.ReceiptRendererTest.assertPdfA3aAndPdfUa1;

/** Whatever citizens type must neither crash the renderer nor break PDF/A-3a or PDF/UA-1. */
class UnicodeTortureTest {

    static final String[][] CORPUS = {
            {"Deutsch", "Ärger, Öl, Übermut, Straße, GROẞ, 1.234,56 € – „Anführungszeichen“ ‚einfach‘ »Guillemets«"},
            {"Polnisch/Tschechisch/Türkisch", "Zażółć gęślą jaźń · Příliš žluťoučký kůň úpěl ďábelské ódy · "
                    + "Iğdır, İstanbul, ılık, şoför, çağ"},
            {"Griechisch", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία"},
            {"Kyrillisch", "Съешь же ещё этих мягких французских булок, да выпей чаю"},
            {"Arabisch", "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق"},
            {"Hebräisch", "דג סקרן שט בים מאוכזב ולפתע מצא חברה"},
            {"Gemischt RTL/LTR", "Antrag 42: שלום world مرحبا 2025"},
            {"CJK", "東京都 渋谷区 – 中文 – 한국어 테스트"},
            {"Emoji", "Daumen 👍 hoch 👍🏽, Herz ❤️, Familie 👨‍👩‍👧‍👦, Flaggen 🇩🇪🇺🇦🏴󠁧󠁢󠁳󠁣󠁴󠁿, Keycap 1️⃣, ☀ ☂ ✓ ✗ ★"},
            {"Kombinierende Zeichen", "e\u0301 a\u0308 o\u0323\u0302 Z\u0335\u0321a\u0336\u0358l\u0337g\u0334o\u0338 "
                    + "q\u0307 \u0915\u094D\u0937"},
            {"Steuerzeichen", "Null\u0000 Glocke\u0007 Escape\u001B[31m DEL\u007F C1\u0085\u009B Tab\there\r\nCRLF\rCR"},
            {"Ungepaarte Surrogate", "hoch\uD83D allein, tief\uDE00 allein, verdreht \uDE00\uD83D"},
            {"BOM und weiches Trennzeichen", "\uFEFFAnfang mit BOM, Sil\u00ADben\u00ADtren\u00ADnung, Mitte\uFEFFBOM"},
            {"Unsichtbares", "Null\u200Bbreite, Joiner\u200D\u200C, LRM\u200E RLM\u200F, Override \u202Eabc\u202C, "
                    + "Isolate \u2066x\u2069, Nichtzeichen \uFFFE\uFFFF \uFDD0, Privat \uE000, Wortverbinder\u2060"},
            {"Mathematik/Symbole", "∑ ∫ √ ∞ ≠ ≤ ≥ ∂ ∇ ⊂ ⊃ ∈ ∉ ℕ ℤ ℝ ⅓ ⅔ ½ № ℃ ™ ® © § ¶ † ‡ • … ‰ ′ ″ 𝔸 𝕏 𝟘"},
            {"Pfeile/Dingbats", "← ↑ → ↓ ↔ ⇒ ⇔ ➔ ✂ ✈ ☎ ⌘ ⏰ ⚠ ⚡ ♻ ♿ 🀄 🂡 🜀"},
            {"Leerzeichen", "A\u00A0B\u2002C\u2003D\u2009E\u202FF\u3000G\u205FH"},
    };

    private final ReceiptRenderer renderer = new ReceiptRenderer();

    @Test
    void unicode_torture_corpus_renders_and_stays_pdfa3a_and_pdfua1() {
        List<Row> rows = new ArrayList<>();
        for (String[] entry : CORPUS) {
            rows.add(new Row(entry[0], entry[1]));
            rows.add(new Row(entry[1], entry[0])); // nasty labels too
        }
        StringBuilder all = new StringBuilder();
        for (String[] entry : CORPUS) {
            all.append(entry[1]).append(' ');
        }
        rows.add(new Row("10.000 Zeichen ohne Leerzeichen", "x".repeat(3_000) + "ü".repeat(3_000)
                + "€".repeat(2_000) + "ש".repeat(2_000)));
        rows.add(new Row("10.000 gemischte Zeichen", all.toString().repeat(10_000 / all.length() + 1)
                .substring(0, 10_000)));
        Branding branding = new Branding("Gemeinde Ærø <&> \"Ü\" 👍", ReceiptFixtures.logoPng(),
                "Wappen \u0000mit Steuerzeichen\uFEFF und 👨‍👩‍👧", "Kopf\tzeile \uD800 ‮rtl", "Fußzeile שלום 東京");
        Receipt receipt = new Receipt(Locale.forLanguageTag("de-DE"), "Titel <&> 'x' \"y\" 🇩🇪 東京 \u0007",
                branding, "Formular ÄÖÜ 👍🏽 עברית", 7, "R-<&>-ß-👍", "29.11.2025 \u202E12:00",
                List.of(new ReceiptPage("Seite 𝔸 🇺🇦 ∑", List.of(
                        new Answers("Abschnitt\u00AD mit \uFEFFBOM", rows),
                        new RepeatedItems("Wiederholung 👨‍👩‍👧‍👦", List.of(
                                new Item("Eintrag ١ (arabische Ziffer)", List.of(new Row("Ключ", "Значение"))),
                                new Item("", List.of(new Row("", ""))))))),
                        new ReceiptPage("", List.of())),
                List.of(new AttachmentLine("Bild 👍 \u0000 東京.png", 0, "abc"),
                        new AttachmentLine("a".repeat(500), Long.MAX_VALUE, "0".repeat(200))),
                "{\"x\":\"👍\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[0],
                new ReceiptLabels("Referenz‐nummer", "Eingang\u00AD", "Formular 👍", "Ver\u0000sion", "Anhänge 📎",
                        "Name", "Größe", "Prüfsumme (SHA-256)", "Seite {0} von {1} 📄", "JSON 👍", "XML \uFEFF"));

        byte[] pdf = renderer.render(receipt);
        ReceiptRendererTest.keep("unicode-torture", pdf);

        assertPdfA3aAndPdfUa1(pdf);
        try (PdfInspection inspection = new PdfInspection(pdf)) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= inspection.pages(); page++) {
                text.append(inspection.text(page));
            }
            assertThat(text.toString())
                    .contains("Straße", "€", "Zażółć", "İstanbul", "Ξεσκεπάζω", "Съешь", "\uFFFD", "29.11.2025 12:00")
                    .doesNotContain("\uFEFF", "\u00AD", "\u0000", "\u0007");
            assertThat(inspection.textWithArtifacts(inspection.pages()))
                    .contains("Seite " + inspection.pages() + " von " + inspection.pages());
        }
    }
}
