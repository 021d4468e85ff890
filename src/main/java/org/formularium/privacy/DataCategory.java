package org.formularium.privacy;

import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.ConsentElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.EmailElement;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.IbanElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.PhoneElement;
import org.formularium.definition.model.TextareaElement;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Categories of personal data (Art. 30(1)(c) GDPR), derived from an input's element type and its HTML
 * {@code autocomplete} token — the designer already states with the token what an input asks for.
 */
public enum DataCategory {
    NAME(LocalizedText.of("Namen und Identifikationsdaten", "Names and identification data")),
    DATE_OF_BIRTH(LocalizedText.of("Geburtsdatum", "Date of birth")),
    ADDRESS(LocalizedText.of("Anschrift", "Postal address")),
    CONTACT(LocalizedText.of("Kontaktdaten (E-Mail, Telefon, Website)", "Contact details (e-mail, phone, website)")),
    ORGANISATION(LocalizedText.of("Organisation und berufliche Angaben", "Organisation and occupation")),
    FINANCIAL(LocalizedText.of("Finanzdaten (Bankverbindung, Beträge)", "Financial data (bank account, amounts)")),
    FILES(LocalizedText.of("Hochgeladene Dokumente und Bilder", "Uploaded documents and images")),
    FREE_TEXT(LocalizedText.of("Freitext (kann beliebige Angaben enthalten, auch besondere Kategorien nach Art. 9 DSGVO)",
            "Free text (may contain any information, including special categories under Art. 9 GDPR)")),
    DECLARATIONS(LocalizedText.of("Einwilligungen und Erklärungen", "Consents and declarations")),
    OTHER(LocalizedText.of("Weitere Angaben zum Anliegen (Auswahl, Zahlen, Daten, kurze Texte)",
            "Further details of the request (choices, numbers, dates, short texts)"));

    private static final Set<String> NAME_TOKENS = Set.of("name", "given-name", "family-name", "additional-name",
            "honorific-prefix", "honorific-suffix", "nickname", "username");
    private static final Set<String> ADDRESS_TOKENS = Set.of("street-address", "address-line1", "address-line2",
            "address-line3", "address-level1", "address-level2", "address-level3", "address-level4", "postal-code",
            "country", "country-name");
    private static final Set<String> CONTACT_TOKENS = Set.of("email", "tel", "tel-country-code", "tel-national",
            "tel-area-code", "tel-local", "tel-extension", "url", "impp");
    private static final Set<String> BIRTH_TOKENS = Set.of("bday", "bday-day", "bday-month", "bday-year");
    private static final Set<String> ORGANISATION_TOKENS = Set.of("organization", "organization-title");

    private final LocalizedText label;

    DataCategory(LocalizedText label) {
        this.label = label;
    }

    public String label(Locale locale) {
        return label.get(locale);
    }

    /**
     * The category of an input; empty for values the citizen does not enter (computed and hidden values) and for
     * repeating groups themselves (their children are categorised).
     */
    public static Optional<DataCategory> of(InputElement input) {
        if (input instanceof ComputedElement || input instanceof HiddenElement || input instanceof GroupElement) {
            return Optional.empty();
        }
        String token = input.autocomplete() == null ? "" : lastToken(input.autocomplete());
        if (NAME_TOKENS.contains(token)) {
            return Optional.of(NAME);
        }
        if (BIRTH_TOKENS.contains(token)) {
            return Optional.of(DATE_OF_BIRTH);
        }
        if (input instanceof AddressElement || ADDRESS_TOKENS.contains(token)) {
            return Optional.of(ADDRESS);
        }
        if (input instanceof EmailElement || input instanceof PhoneElement || CONTACT_TOKENS.contains(token)) {
            return Optional.of(CONTACT);
        }
        if (ORGANISATION_TOKENS.contains(token)) {
            return Optional.of(ORGANISATION);
        }
        if (input instanceof IbanElement || input instanceof CurrencyElement || token.startsWith("cc-")
                || token.equals("iban") || token.startsWith("transaction-")) {
            return Optional.of(FINANCIAL);
        }
        if (input instanceof FileElement) {
            return Optional.of(FILES);
        }
        if (input instanceof TextareaElement) {
            return Optional.of(FREE_TEXT);
        }
        if (input instanceof ConsentElement) {
            return Optional.of(DECLARATIONS);
        }
        if (input instanceof DateElement && input.key().matches(".*(birth|geburt).*")) {
            return Optional.of(DATE_OF_BIRTH);
        }
        return Optional.of(OTHER);
    }

    /** {@code "section-x shipping postal-code"} → {@code postal-code}. */
    private static String lastToken(String autocomplete) {
        String[] tokens = autocomplete.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return tokens[tokens.length - 1];
    }

    /** Whether the category says who a person is (used to decide whether further persons are data subjects). */
    public boolean identifiesAPerson() {
        return this == NAME || this == DATE_OF_BIRTH || this == ADDRESS || this == CONTACT;
    }
}
