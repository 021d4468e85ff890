package org.formularium.shared.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Formularium speaks. German is the default and is required for every text. */
public final class Languages {

    public static final Locale GERMAN = Locale.GERMAN;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(GERMAN, ENGLISH);
    /** Cookie that keeps the citizen's or staff member's language choice. */
    public static final String COOKIE = "formularium-lang";

    private Languages() {
    }

    /** The supported language closest to the given tag ("en-GB" → en); German for anything else. */
    public static Locale closest(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return GERMAN;
        }
        String language = Locale.forLanguageTag(languageTag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(GERMAN);
    }

    /** The first supported language of an Accept-Language header, German if none matches. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return GERMAN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(language)) {
                        return supported;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return GERMAN;
        }
        return GERMAN;
    }
}
