package org.formularium.definition.schema;

/** Keeps text writable as XML 1.0. */
public final class XmlChars {

    private XmlChars() {
    }

    /**
     * The text without the characters XML 1.0 forbids: control characters other than tab, line feed and carriage
     * return, lone surrogates, U+FFFE and U+FFFF. Everything else (including characters outside the BMP) stays.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (allAllowed(text)) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().filter(XmlChars::allowed).forEach(cleaned::appendCodePoint);
        return cleaned.toString();
    }

    /** The common case without streams: every char is allowed and surrogates come in pairs. */
    private static boolean allAllowed(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Whether XML 1.0 allows the code point ({@code Char} production). */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }
}
