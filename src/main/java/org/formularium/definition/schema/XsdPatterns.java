package org.formularium.definition.schema;

import java.util.Optional;

/**
 * Translates the {@code pattern} of a text element (a Java regular expression) into an XML Schema 1.0
 * {@code xs:pattern}, where that can be done without changing its meaning. XSD patterns always match the whole
 * value and know no anchors, groups with {@code ?}, lazy quantifiers, back references or boundaries. Only
 * patterns anchored at both ends ({@code ^…$}) with a plain syntax are translated; anything else is left to the
 * server's check and the XSD carries no pattern.
 */
final class XsdPatterns {

    private XsdPatterns() {
    }

    static Optional<String> fromJava(String pattern) {
        if (pattern == null || pattern.length() < 2 || !pattern.startsWith("^") || !pattern.endsWith("$")
                || pattern.endsWith("\\$")) {
            return Optional.empty();
        }
        String inner = pattern.substring(1, pattern.length() - 1);
        return plain(inner) ? Optional.of(inner) : Optional.empty();
    }

    /** Whether the regex uses only constructs that mean the same in Java and XSD, and no top-level alternation. */
    private static boolean plain(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                // escapes both know with the same or a wider meaning in XSD (\d: any Unicode digit)
                if (i + 1 >= regex.length() || "dsS.\\-^[](){}|?*+nrt".indexOf(regex.charAt(i + 1)) < 0) {
                    return false; // \b, \w, \p{..}, \Q, \1, \$, \/ … differ or do not exist in XSD
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' || c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&') {
                    return false; // nested classes and intersections mean other things in XSD
                }
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        return false;
                    }
                }
                case '(' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                        return false;
                    }
                    depth++;
                }
                case ')' -> depth--;
                case '|' -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                case '^', '$' -> {
                    return false;
                }
                case '?', '+', '*', '}' -> {
                    if (i + 1 < regex.length() && "?+".indexOf(regex.charAt(i + 1)) >= 0) {
                        return false; // lazy or possessive
                    }
                }
                default -> {
                }
            }
        }
        return depth == 0 && !inClass;
    }
}
