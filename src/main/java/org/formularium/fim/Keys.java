package org.formularium.fim;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys derived from FIM names: German umlauts transliterated (ä→ae, ö→oe, ü→ue, ß→ss), other accents dropped,
 * lower case, everything else an underscore (element keys) or a hyphen (form keys).
 */
public final class Keys {

    /** Longest element or form key. */
    public static final int MAX_LENGTH = 63;
    /** Longest option value. */
    static final int MAX_OPTION_LENGTH = 64;

    public static final Pattern ELEMENT_KEY = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    static final Pattern FORM_KEY = Pattern.compile("^[a-z][a-z0-9-]{1,62}$");
    static final Pattern OPTION_VALUE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Keys() {
    }

    /** German transliteration, then accents removed; keeps case. */
    static String transliterate(String text) {
        String replaced = text
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
                .replace("ß", "ss").replace("ẞ", "SS");
        return MARKS.matcher(Normalizer.normalize(replaced, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * An element key for a name (not yet unique): {@code ^[a-z][a-z0-9_]{0,62}$}. Falls back to the FIM id and
     * then to {@code feld} when the name has no letters or digits; prefixes {@code f_} when it starts with a digit.
     */
    public static String elementKey(String name, String fallback) {
        String key = slug(name, '_');
        if (key.isEmpty()) {
            key = slug(fallback, '_');
        }
        if (key.isEmpty()) {
            key = "feld";
        }
        if (!Character.isLetter(key.charAt(0))) {
            key = "f_" + key;
        }
        return cut(key, MAX_LENGTH, '_');
    }

    /**
     * A form key for a schema name: {@code ^[a-z][a-z0-9-]{1,62}$}, hyphen separated. Falls back to
     * {@code fim-<id>} and then {@code fim-formular}.
     */
    static String formKey(String name, String fimId) {
        String key = slug(name, '-');
        if (key.isEmpty()) {
            key = slug(fimId, '-');
        }
        if (key.isEmpty()) {
            key = "formular";
        }
        if (!Character.isLetter(key.charAt(0)) || key.length() < 2) {
            key = "fim-" + key;
        }
        return cut(key, MAX_LENGTH, '-');
    }

    /**
     * An option value for a code: allowed characters kept, umlauts transliterated, others replaced by
     * {@code _}, at most 64 characters; {@code null} when nothing is left.
     */
    static String optionValue(String code) {
        if (code == null) {
            return null;
        }
        String value = transliterate(code.strip()).replaceAll("[^A-Za-z0-9_.-]", "_");
        if (value.length() > MAX_OPTION_LENGTH) {
            value = value.substring(0, MAX_OPTION_LENGTH);
        }
        return value.isEmpty() ? null : value;
    }

    private static String slug(String text, char separator) {
        if (text == null) {
            return "";
        }
        String lower = transliterate(text.toLowerCase(Locale.GERMAN));
        String sep = String.valueOf(separator);
        String slug = lower.replaceAll("[^a-z0-9]+", sep);
        return strip(slug, separator);
    }

    private static String cut(String key, int max, char separator) {
        return key.length() <= max ? key : strip(key.substring(0, max), separator);
    }

    private static String strip(String text, char separator) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == separator) {
            start++;
        }
        while (end > start && text.charAt(end - 1) == separator) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The keys used in one scope; hands out unique keys by adding {@code _2}, {@code _3} … */
    static final class Scope {
        private final Set<String> used = new HashSet<>();

        /** Reserves and returns {@code base}, or {@code base_N} with the smallest free N ≥ 2, within 63 chars. */
        String allocate(String base) {
            if (used.add(base)) {
                return base;
            }
            for (int n = 2; ; n++) {
                String suffix = "_" + n;
                String candidate = cut(base, MAX_LENGTH - suffix.length(), '_') + suffix;
                if (used.add(candidate)) {
                    return candidate;
                }
            }
        }

        /** Reserves the key for a name (see {@link Keys#elementKey}). */
        String allocate(String name, String fallback) {
            return allocate(elementKey(name, fallback));
        }
    }
}
