package org.formularium.document;

import org.formularium.document.ReceiptBlock.Answers;
import org.formularium.document.ReceiptBlock.Item;
import org.formularium.document.ReceiptBlock.RepeatedItems;
import org.formularium.document.ReceiptBlock.Row;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Receipts for the tests, named after what they show. */
final class ReceiptFixtures {

    static final byte[] JSON = """
            {"reference":"2025-000123","data":{"vorname":"Jürgen","nachname":"Groß","kinder":[{"name":"Zoë"}]}}
            """.getBytes(StandardCharsets.UTF_8);
    static final byte[] XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <submission reference="2025-000123"><vorname>Jürgen</vorname><nachname>Groß</nachname></submission>
            """.getBytes(StandardCharsets.UTF_8);

    private ReceiptFixtures() {
    }

    static ReceiptLabels german() {
        return new ReceiptLabels("Referenznummer", "Eingegangen am", "Formular", "Version", "Anhänge",
                "Dateiname", "Größe", "Prüfsumme (SHA-256)", "Seite {0} von {1}",
                "Antragsdaten (JSON)", "Antragsdaten (XML)");
    }

    static Branding voerde() {
        return new Branding("Stadt Voerde (Niederrhein)", logoPng(), "Wappen der Stadt Voerde",
                "Bürgerservice – Online-Antrag",
                "Stadt Voerde, Rathausplatz 20, 46562 Voerde · Telefon 02855 80-0 · www.voerde.de");
    }

    static Receipt receipt(List<ReceiptPage> pages, List<AttachmentLine> attachments) {
        return new Receipt(Locale.GERMANY, "Eingangsbestätigung – Anmeldung Hundesteuer", voerde(),
                "Anmeldung zur Hundesteuer", 3, "2025-000123", "29.11.2025, 10:42 Uhr", pages, attachments,
                JSON, XML, german());
    }

    /** 42 rows (4 metadata, 30 answers, 8 in a repeating group with a nested group) and two attachments: two PDF pages. */
    static Receipt twoPageReceipt() {
        List<Row> person = new ArrayList<>();
        String[][] fields = {
                {"Anrede", "Herr"}, {"Titel", ""}, {"Vorname", "Jürgen"}, {"Nachname", "Groß"},
                {"Geburtsdatum", "01.02.1980"}, {"Geburtsort", "Dinslaken"}, {"Staatsangehörigkeit", "deutsch"},
                {"Straße", "Rathausplatz"}, {"Hausnummer", "20"}, {"Postleitzahl", "46562"}, {"Ort", "Voerde"},
                {"Telefon", "02855 80-0"}, {"E-Mail", "juergen.gross@example.org"},
                {"Bevorzugter Kontaktweg", "E-Mail"}, {"Steuer-ID", "12 345 678 901"},
        };
        for (String[] f : fields) {
            person.add(new Row(f[0], f[1]));
        }
        List<Row> dog = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            dog.add(new Row("Angabe " + i + " zum Hund", i % 5 == 0
                    ? "Eine etwas längere Antwort, die in der Wertspalte umbricht, weil sie mehr als eine Zeile "
                    + "braucht: Haltung seit dem 01.0" + (i % 9 + 1) + ".2024, Chipnummer 276 0981 0012 345" + i
                    : "Antwort " + i));
        }
        List<Item> owners = List.of(
                new Item("Halterin oder Halter 1", List.of(new Row("Name", "Erika Mustermann"),
                        new Row("Anteil", "50 %"))),
                new Item("Halterin oder Halter 2", List.of(new Row("Name", "Max Mustermann"),
                        new Row("Anteil", "50 %")),
                        List.of(new RepeatedItems("Weitere Hunde im Haushalt", List.of(
                                new Item("Hund 1", List.of(new Row("Rufname", "Bello"), new Row("Rasse", "Mischling")))))))
                ,
                new Item("Halterin oder Halter 3", List.of(new Row("Name", "Zoë Øster-Łukasiewicz"),
                        new Row("Anteil", "0 %"))));
        return receipt(List.of(
                new ReceiptPage("Angaben zur Person", List.of(new Answers(person))),
                new ReceiptPage("Angaben zum Hund", List.of(
                        new Answers("Hund", dog),
                        new RepeatedItems("Halterinnen und Halter", owners)))),
                List.of(new AttachmentLine("Impfpass.pdf", 482_113,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                        new AttachmentLine("Foto vom Hund mit einem sehr langen Dateinamen aus dem Urlaub 2024.jpeg",
                                3_211_004, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
    }

    static Receipt singleAnswer(String label, String value) {
        return receipt(List.of(new ReceiptPage("Ihr Anliegen", List.of(new Answers(List.of(
                new Row("Betreff", "Kurz"), new Row(label, value), new Row("Danach", "Ende")))))), List.of());
    }

    /** A small RGB PNG with an alpha channel (PDF/A-3 allows soft masks). */
    static byte[] logoPng() {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 82, 147));
        g.fillRect(8, 4, 80, 56);
        g.setColor(new Color(255, 204, 0, 200));
        g.fillOval(30, 14, 36, 36);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
