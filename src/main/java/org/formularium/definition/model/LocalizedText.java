package org.formularium.definition.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A text in several languages, keyed by language code ({@code "de"}, {@code "en"}). German is the
 * fallback for every other language. Serialised as a plain JSON object.
 */
public record LocalizedText(Map<String, String> values) {

    /** The language every text must have and every lookup falls back to. */
    public static final String GERMAN = "de";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LocalizedText {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A German and English text. */
    public static LocalizedText of(String de, String en) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("de", de);
        map.put("en", en);
        return new LocalizedText(map);
    }

    /** A German-only text. */
    public static LocalizedText de(String de) {
        return new LocalizedText(Map.of(GERMAN, de));
    }

    @JsonValue
    @Override
    public Map<String, String> values() {
        return values;
    }

    /** The text in the locale's language, else German, else any text, else the empty string. */
    public String get(Locale locale) {
        return get(locale == null ? GERMAN : locale.getLanguage());
    }

    /** The text in the given language, else German, else any text, else the empty string. */
    public String get(String language) {
        String text = values.get(language);
        if (text == null || text.isEmpty()) {
            text = values.get(GERMAN);
        }
        if (text == null) {
            text = values.values().stream().findFirst().orElse("");
        }
        return text;
    }
}
