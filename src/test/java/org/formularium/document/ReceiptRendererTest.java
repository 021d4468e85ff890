package org.formularium.document;

import org.formularium.document.ReceiptBlock.Answers;
import org.formularium.document.ReceiptBlock.Row;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptRendererTest {

    private final ReceiptRenderer renderer = new ReceiptRenderer();

    /** Keeps a rendered PDF under target/receipts/ for a human look. */
    static void keep(String name, byte[] pdf) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "receipts"));
            Files.write(dir.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertPdfA3aAndPdfUa1(byte[] pdf) {
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A)).as("PDF/A-3a").isNull();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isNull();
    }

    @Test
    void two_page_receipt_with_forty_rows_and_a_repeating_group_is_pdfa3a_and_pdfua1() {
        byte[] pdf = renderer.render(ReceiptFixtures.twoPageReceipt());
        keep("two-page", pdf);

        assertPdfA3aAndPdfUa1(pdf);
        try (PdfInspection inspection = new PdfInspection(pdf)) {
            assertThat(inspection.pages()).isEqualTo(2);
            assertThat(inspection.text(1)).contains("Anmeldung zur Hundesteuer", "Referenznummer", "2025-000123");
            assertThat(inspection.text(2)).contains("Halterin oder Halter 3", "Zoë Øster-Łukasiewicz",
                    "Prüfsumme (SHA-256)", "Impfpass.pdf");
        }
        System.out.printf("two-page receipt: %,d bytes%n", pdf.length);
    }

    @Test
    void structure_tree_has_headings_in_order_tables_with_header_scopes_and_a_logo_with_alt_text() {
        byte[] pdf = renderer.render(ReceiptFixtures.twoPageReceipt());

        try (PdfInspection inspection = new PdfInspection(pdf)) {
            String tree = inspection.structureTree();
            assertThat(tree).startsWith("""
                    Document
                      Figure alt=Wappen der Stadt Voerde
                      H1
                      Table
                        TR
                          TH scope=Row
                          TD
                    """);
            assertThat(tree).contains("""
                      Sect
                        H2
                        Sect
                          H3
                          Table
                    """, """
                          Sect
                            H4
                            Table
                              TR
                                TH scope=Row
                                TD
                    """, """
                            Sect
                              H5
                              Sect
                                H6
                                Table
                    """, """
                          TR
                            TH scope=Column
                            TH scope=Column
                            TH scope=Column
                          TR
                            TD
                            TD
                            TD
                    """);
            assertThat(tree.lines().filter(line -> line.strip().equals("H1"))).hasSize(1);
        }
    }

    @Test
    void concurrent_renders_share_the_fonts_safely() throws Exception {
        Receipt receipt = ReceiptFixtures.twoPageReceipt();
        String expected;
        try (PdfInspection inspection = new PdfInspection(renderer.render(receipt))) {
            expected = inspection.text(1) + inspection.text(2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> renderer.render(receipt)));
            }
            for (Future<byte[]> result : results) {
                try (PdfInspection inspection = new PdfInspection(result.get(60, TimeUnit.SECONDS))) {
                    assertThat(inspection.text(1) + inspection.text(2)).isEqualTo(expected);
                }
            }
            assertPdfA3aAndPdfUa1(results.get(results.size() - 1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void long_textarea_value_wraps_across_pages_and_stays_compliant() {
        StringBuilder value = new StringBuilder();
        for (int paragraph = 1; paragraph <= 30; paragraph++) {
            value.append("Absatz ").append(paragraph).append(": ");
            for (int word = 0; word < 40; word++) {
                value.append("Begründung").append(word % 7 == 0 ? ", " : " ");
            }
            value.append("\n\n");
        }
        value.append("ENDE DES TEXTES");

        byte[] pdf = renderer.render(ReceiptFixtures.singleAnswer("Begründung des Antrags", value.toString()));
        keep("long-textarea", pdf);

        assertPdfA3aAndPdfUa1(pdf);
        try (PdfInspection inspection = new PdfInspection(pdf)) {
            assertThat(inspection.pages()).isGreaterThanOrEqualTo(3);
            assertThat(inspection.text(1)).contains("Absatz 1:");
            assertThat(inspection.text(inspection.pages())).contains("ENDE DES TEXTES", "Danach");
        }
    }

    @Test
    void embedded_json_and_xml_come_back_byte_for_byte_as_associated_files() {
        byte[] pdf = renderer.render(ReceiptFixtures.twoPageReceipt());

        try (PdfInspection inspection = new PdfInspection(pdf)) {
            List<PdfInspection.AssociatedFile> files = inspection.associatedFiles();
            assertThat(files).extracting(PdfInspection.AssociatedFile::name,
                            PdfInspection.AssociatedFile::relationship, PdfInspection.AssociatedFile::mimeType)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("2025-000123.json", "Data", "application/json"),
                            org.assertj.core.groups.Tuple.tuple("2025-000123.xml", "Source", "application/xml"));
            assertThat(files.get(0).content()).isEqualTo(ReceiptFixtures.JSON);
            assertThat(files.get(1).content()).isEqualTo(ReceiptFixtures.XML);
            assertThat(inspection.embeddedFiles())
                    .containsOnlyKeys("2025-000123.json", "2025-000123.xml")
                    .hasEntrySatisfying("2025-000123.json", b -> assertThat(b).isEqualTo(ReceiptFixtures.JSON))
                    .hasEntrySatisfying("2025-000123.xml", b -> assertThat(b).isEqualTo(ReceiptFixtures.XML));
        }
    }

    @Test
    void every_page_has_a_footer_seite_x_von_y() {
        byte[] pdf = renderer.render(ReceiptFixtures.twoPageReceipt());

        try (PdfInspection inspection = new PdfInspection(pdf)) {
            assertThat(inspection.textWithArtifacts(1)).contains("Seite 1 von 2", "Stadt Voerde (Niederrhein)");
            assertThat(inspection.textWithArtifacts(2)).contains("Seite 2 von 2", "Rathausplatz 20");
            // header and footer are artifacts: text extraction and screen readers skip them
            assertThat(inspection.text(1)).doesNotContain("Seite 1 von 2", "Rathausplatz 20");
        }
    }

    @Test
    void page_footer_follows_the_callers_labels() {
        ReceiptLabels english = new ReceiptLabels("Reference number", "Received", "Form", "Version",
                "Attachments", "File", "Size", "Checksum (SHA-256)", "Page {0} of {1}", "Data (JSON)",
                "Data (XML)");
        Receipt receipt = ReceiptFixtures.twoPageReceipt();
        Receipt inEnglish = new Receipt(Locale.UK, "Receipt", receipt.branding(), "Dog tax", 3, "R-1",
                "29 Nov 2025", receipt.pages(), receipt.attachments(), receipt.json(), receipt.xml(), english);

        byte[] pdf = renderer.render(inEnglish);

        try (PdfInspection inspection = new PdfInspection(pdf)) {
            assertThat(inspection.textWithArtifacts(1)).contains("Page 1 of 2", "Reference number");
            assertThat(inspection.catalog().getAsString(com.lowagie.text.pdf.PdfName.LANG).toString())
                    .isEqualTo("en-GB");
        }
    }

    @Test
    void fonts_are_loaded_once_per_jvm() {
        renderer.render(ReceiptFixtures.twoPageReceipt());
        ReceiptFonts first = ReceiptFonts.get();

        renderer.render(ReceiptFixtures.singleAnswer("Frage", "Antwort"));

        assertThat(ReceiptFonts.get()).isSameAs(first);
        assertThat(first.regular).isSameAs(ReceiptFonts.get().regular);
        assertThat(ReceiptFonts.loadCount()).isEqualTo(1);
    }

    @Test
    void font_files_are_read_once_per_jvm_however_many_receipts_are_rendered_on_however_many_threads() throws Exception {
        long fontFileBytes = 0;
        for (String file : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoSansSymbols-Regular.ttf",
                "NotoSansSymbols2-Regular.ttf")) {
            try (InputStream in = getClass().getResourceAsStream("/fonts/" + file)) {
                fontFileBytes += in.readAllBytes().length;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                pdfs.add(pool.submit(() -> renderer.render(ReceiptFixtures.twoPageReceipt())));
            }
            for (Future<byte[]> pdf : pdfs) {
                assertThat(pdf.get()).isNotEmpty();
            }
        } finally {
            pool.shutdown();
        }

        // every font file read exactly once in this JVM, whatever rendered before this test
        assertThat(ReceiptFonts.fileReads()).isEqualTo(4);
        assertThat(ReceiptFonts.bytesRead()).isEqualTo(fontFileBytes).isGreaterThan(1_000_000);
    }

    @Test
    void receipt_without_logo_and_with_a_decorative_logo_stay_compliant() {
        Receipt receipt = ReceiptFixtures.twoPageReceipt();
        Branding noLogo = Branding.of("Stadt Voerde", "", "");
        Branding decorative = new Branding("Stadt Voerde", ReceiptFixtures.logoPng(), " ", null, null);

        for (Branding branding : List.of(noLogo, decorative)) {
            Receipt variant = new Receipt(Locale.GERMAN, "Eingangsbestätigung", branding, receipt.formTitle(), 1,
                    "A/B 7", "heute", List.of(new ReceiptPage("Seite", List.of(new Answers(List.of(
                    new Row("Frage", "Antwort")))))), List.of(), receipt.json(), receipt.xml(), receipt.labels());
            assertPdfA3aAndPdfUa1(renderer.render(variant));
        }
    }

    @Test
    void broken_logo_fails_loudly_instead_of_returning_an_empty_pdf() {
        Receipt receipt = ReceiptFixtures.twoPageReceipt();
        Receipt broken = new Receipt(Locale.GERMAN, "x", new Branding("Stadt", new byte[] {1, 2, 3}, "Logo", "", ""),
                "Formular", 1, "R-1", "heute", List.of(), List.of(), receipt.json(), receipt.xml(), receipt.labels());

        assertThatThrownBy(() -> renderer.render(broken))
                .isInstanceOf(ReceiptRenderingException.class)
                .hasMessageContaining("R-1");
    }
}
