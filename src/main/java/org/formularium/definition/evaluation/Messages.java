package org.formularium.definition.evaluation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.formularium.definition.model.LocalizedText;

/**
 * The German and English messages of data errors, GOV.UK style: they say how to fix the answer and name the
 * field by its label. German messages are sentences with a full stop, English ones have none.
 */
final class Messages {

    private static final Locale DE = Locale.GERMAN;
    private static final Locale EN = Locale.ENGLISH;

    private static final Map<String, String[]> TEMPLATES = new LinkedHashMap<>();

    static {
        put("REQUIRED", "Geben Sie {label} ein.", "Enter {label}");
        put("REQUIRED.choose", "Wählen Sie {label} aus.", "Select {label}");
        put("REQUIRED.upload", "Laden Sie {label} hoch.", "Upload {label}");
        put("REQUIRED.group", "Fügen Sie mindestens einen Eintrag zu {label} hinzu.", "Add at least one entry to {label}");
        put("REQUIRED.part", "Geben Sie {part} für {label} ein.", "Enter {part} for {label}");
        put("WRONG_TYPE", "Geben Sie für {label} einen gültigen Wert ein.", "Enter a valid value for {label}");
        put("WRONG_TYPE.file", "Laden Sie die Datei für {label} erneut hoch.", "Upload the file for {label} again");
        put("TOO_SHORT", "{label} muss mindestens {min} Zeichen lang sein.", "{label} must be {min} characters or more");
        put("TOO_LONG", "{label} darf höchstens {max} Zeichen lang sein.", "{label} must be {max} characters or fewer");
        put("PATTERN_MISMATCH", "Geben Sie {label} im richtigen Format ein.", "Enter {label} in the correct format");
        put("NOT_A_NUMBER", "{label} muss eine Zahl sein.", "{label} must be a number");
        put("NOT_AN_INTEGER", "{label} muss eine ganze Zahl sein.", "{label} must be a whole number");
        put("TOO_MANY_DECIMALS", "{label} darf höchstens {scale} Nachkommastellen haben.",
                "{label} must have {scale} decimal places or fewer");
        put("TOO_SMALL", "{label} muss mindestens {min} sein.", "{label} must be {min} or more");
        put("TOO_LARGE", "{label} darf höchstens {max} sein.", "{label} must be {max} or less");
        put("INVALID_DATE", "{label} muss ein gültiges Datum sein, zum Beispiel 27.03.2007.",
                "{label} must be a real date, like 27 March 2007");
        put("DATE_TOO_EARLY", "{label} muss am oder nach dem {min} liegen.", "{label} must be the same as or after {min}");
        put("DATE_TOO_LATE", "{label} muss am oder vor dem {max} liegen.", "{label} must be the same as or before {max}");
        put("INVALID_EMAIL", "Geben Sie {label} im richtigen Format ein, zum Beispiel name@beispiel.de.",
                "Enter {label} in the correct format, like name@example.com");
        put("INVALID_PHONE", "Geben Sie {label} als Telefonnummer ein, zum Beispiel 0281 123456.",
                "Enter {label} as a phone number, like +49 281 123456");
        put("INVALID_IBAN", "Geben Sie für {label} eine gültige IBAN ein, zum Beispiel DE89 3704 0044 0532 0130 00.",
                "Enter a valid IBAN for {label}, like DE89 3704 0044 0532 0130 00");
        put("INVALID_IBAN.country", "Die IBAN für {label} muss aus einem dieser Länder stammen: {countries}.",
                "The IBAN for {label} must be from one of these countries: {countries}");
        put("INVALID_POSTAL_CODE", "Geben Sie für {label} eine gültige Postleitzahl ein, in Deutschland 5 Ziffern.",
                "Enter a valid postcode for {label}; German postcodes have 5 digits");
        put("UNKNOWN_OPTION", "Wählen Sie für {label} eine der angebotenen Antworten aus.",
                "Select one of the options for {label}");
        put("UNKNOWN_OPTION.country", "Wählen Sie für {label} eines dieser Länder: {countries}.",
                "Select one of these countries for {label}: {countries}");
        put("TOO_FEW_SELECTED", "Wählen Sie für {label} mindestens {min} Antworten aus.",
                "Select at least {min} options for {label}");
        put("TOO_MANY_SELECTED", "Wählen Sie für {label} höchstens {max} Antworten aus.",
                "Select no more than {max} options for {label}");
        put("CONSENT_REQUIRED", "Bestätigen Sie {label}, um fortzufahren.", "Confirm {label} to continue");
        put("TOO_FEW_ITEMS", "Fügen Sie mindestens {min} Einträge zu {label} hinzu.", "Add at least {min} entries to {label}");
        put("TOO_MANY_ITEMS", "Entfernen Sie Einträge aus {label}: höchstens {max} sind möglich.",
                "Remove entries from {label}: no more than {max} are allowed");
        put("TOO_FEW_FILES", "Laden Sie mindestens {min} Dateien für {label} hoch.", "Upload at least {min} files for {label}");
        put("TOO_MANY_FILES", "Laden Sie höchstens {max} Dateien für {label} hoch.",
                "Upload no more than {max} files for {label}");
        put("FILE_TYPE_NOT_ALLOWED", "Die Datei {name} muss eines dieser Formate haben: {types}.",
                "The file {name} must be a {types}");
        put("FILE_TOO_LARGE", "Die Datei {name} muss kleiner als {max} sein.", "The file {name} must be smaller than {max}");
    }

    private Messages() {
    }

    private static void put(String key, String de, String en) {
        TEMPLATES.put(key, new String[] {de, en});
    }

    /**
     * The message for a template key ({@code CODE} or {@code CODE.variant}); each argument is rendered per
     * locale, {@code label} from the element's label.
     */
    static LocalizedText message(String key, LocalizedText label, Map<String, Function<Locale, String>> args) {
        String[] template = TEMPLATES.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No message for " + key);
        }
        return LocalizedText.of(fill(template[0], label, args, DE), fill(template[1], label, args, EN));
    }

    static LocalizedText message(String key, LocalizedText label) {
        return message(key, label, Map.of());
    }

    private static String fill(String template, LocalizedText label, Map<String, Function<Locale, String>> args,
                               Locale locale) {
        String text = template;
        for (Map.Entry<String, Function<Locale, String>> arg : args.entrySet()) {
            text = text.replace("{" + arg.getKey() + "}", arg.getValue().apply(locale));
        }
        return text.replace("{label}", label == null ? "" : label.get(locale));
    }

    /** An argument that reads the same in every language. */
    static Function<Locale, String> plain(Object value) {
        return locale -> String.valueOf(value);
    }
}
