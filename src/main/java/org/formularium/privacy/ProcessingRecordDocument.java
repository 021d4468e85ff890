package org.formularium.privacy;

import org.formularium.definition.model.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Writes records of processing activities as one self-contained, accessible HTML document (headings, a definition
 * list per record, lists; opens in any browser and prints to PDF). Pure: records + locale → bytes.
 */
public final class ProcessingRecordDocument {

    private static final LocalizedText TITLE = LocalizedText.of("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)",
            "Record of processing activities (Art. 30 GDPR)");
    private static final LocalizedText INTRO = LocalizedText.of(
            "Aus den veröffentlichten Formulardefinitionen und der Konfiguration von Formularium erzeugt am {0}. "
                    + "Bitte vor der Übernahme in das Verzeichnis des Verantwortlichen prüfen und ergänzen.",
            "Generated from the published form definitions and the configuration of Formularium on {0}. Please "
                    + "check and complete before adopting it into the controller's record.");
    private static final LocalizedText FORM = LocalizedText.of("Formular", "Form");
    private static final LocalizedText VERSION = LocalizedText.of("Version", "Version");
    private static final LocalizedText CONTROLLER = LocalizedText.of("Verantwortlicher", "Controller");
    private static final LocalizedText PRIVACY_CONTACT = LocalizedText.of("Datenschutzhinweise", "Privacy information");
    private static final LocalizedText PURPOSES = LocalizedText.of("Zwecke der Verarbeitung", "Purposes of the processing");
    private static final LocalizedText LEGAL_BASIS = LocalizedText.of("Rechtsgrundlage", "Legal basis");
    private static final LocalizedText SUBJECTS = LocalizedText.of("Kategorien betroffener Personen", "Categories of data subjects");
    private static final LocalizedText CATEGORIES = LocalizedText.of("Kategorien personenbezogener Daten",
            "Categories of personal data");
    private static final LocalizedText FIELDS = LocalizedText.of("Felder", "Fields");
    private static final LocalizedText RECIPIENTS = LocalizedText.of("Kategorien von Empfängern", "Categories of recipients");
    private static final LocalizedText THIRD_COUNTRIES = LocalizedText.of("Übermittlung in Drittländer",
            "Transfers to third countries");
    private static final LocalizedText NO_THIRD_COUNTRIES = LocalizedText.of(
            "Keine durch Formularium; Empfänger von Webhooks und API sind oben genannt.",
            "None by Formularium; recipients of webhooks and the API are listed above.");
    private static final LocalizedText RETENTION = LocalizedText.of("Fristen für die Löschung", "Time limits for erasure");
    private static final LocalizedText RETENTION_DAYS = LocalizedText.of(
            "Eingänge: {0} Tage nach Eingang; unvollständige Entwürfe: {1} Tage",
            "Submissions: {0} days after receipt; unfinished drafts: {1} days");
    private static final LocalizedText RETENTION_UNSET = LocalizedText.of(
            "Eingänge: im Formular nicht festgelegt (bitte ergänzen); unvollständige Entwürfe: {1} Tage",
            "Submissions: not set in the form (please add); unfinished drafts: {1} days");
    private static final LocalizedText MEASURES = LocalizedText.of("Technische und organisatorische Maßnahmen (Art. 32 DSGVO)",
            "Technical and organisational measures (Art. 32 GDPR)");
    private static final LocalizedText NOT_SET = LocalizedText.of("nicht angegeben", "not given");

    private ProcessingRecordDocument() {
    }

    public static byte[] html(List<ProcessingRecord> records, Locale locale) {
        String generated = records.isEmpty() ? "" : records.get(0).generatedAt()
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale));
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(esc(locale.getLanguage())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(esc(TITLE.get(locale))).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5;color:#1a1a1a}"
                        + "dt{font-weight:bold;margin-top:.75rem}section{border-top:1px solid #666;margin-top:2rem}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(esc(TITLE.get(locale))).append("</h1>\n<p>")
                .append(esc(INTRO.get(locale).replace("{0}", generated))).append("</p>\n");
        for (ProcessingRecord record : records) {
            section(out, record, locale);
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder out, ProcessingRecord r, Locale locale) {
        out.append("<section id=\"form-").append(esc(r.formKey())).append("\">\n<h2>").append(esc(r.title()))
                .append("</h2>\n<dl>\n");
        term(out, FORM, locale).append("<dd>").append(esc(r.formKey())).append(", ").append(esc(VERSION.get(locale)))
                .append(' ').append(r.version()).append("</dd>\n");
        term(out, CONTROLLER, locale).append("<dd>").append(esc(r.controller())).append("</dd>\n");
        if (r.privacyContact() != null && !r.privacyContact().isBlank()) {
            term(out, PRIVACY_CONTACT, locale).append("<dd>").append(esc(r.privacyContact())).append("</dd>\n");
        }
        term(out, PURPOSES, locale).append("<dd>");
        list(out, r.purposes());
        out.append("</dd>\n");
        term(out, LEGAL_BASIS, locale).append("<dd>").append(esc(r.legalBasis() == null ? NOT_SET.get(locale) : r.legalBasis()))
                .append("</dd>\n");
        term(out, SUBJECTS, locale).append("<dd>");
        list(out, r.dataSubjects());
        out.append("</dd>\n");
        term(out, CATEGORIES, locale).append("<dd><ul>\n");
        for (ProcessingRecord.Category category : r.categories()) {
            out.append("<li>").append(esc(category.label())).append(" (").append(esc(FIELDS.get(locale))).append(": ")
                    .append(esc(String.join(", ", category.fields()))).append(")</li>\n");
        }
        out.append("</ul></dd>\n");
        term(out, RECIPIENTS, locale).append("<dd><ul>\n");
        for (ProcessingRecord.Recipient recipient : r.recipients()) {
            out.append("<li>").append(esc(recipient.name()));
            if (!recipient.detail().isBlank()) {
                out.append(" – ").append(esc(recipient.detail()));
            }
            out.append("</li>\n");
        }
        out.append("</ul></dd>\n");
        term(out, THIRD_COUNTRIES, locale).append("<dd>").append(esc(NO_THIRD_COUNTRIES.get(locale))).append("</dd>\n");
        String retention = (r.retentionDays() == null ? RETENTION_UNSET : RETENTION_DAYS).get(locale)
                .replace("{0}", String.valueOf(r.retentionDays())).replace("{1}", String.valueOf(r.draftRetentionDays()));
        term(out, RETENTION, locale).append("<dd>").append(esc(retention)).append("</dd>\n");
        term(out, MEASURES, locale).append("<dd>");
        list(out, r.measures());
        out.append("</dd>\n</dl>\n</section>\n");
    }

    private static StringBuilder term(StringBuilder out, LocalizedText label, Locale locale) {
        return out.append("<dt>").append(esc(label.get(locale))).append("</dt>");
    }

    private static void list(StringBuilder out, List<String> items) {
        out.append("<ul>");
        items.forEach(item -> out.append("<li>").append(esc(item)).append("</li>"));
        out.append("</ul>");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
