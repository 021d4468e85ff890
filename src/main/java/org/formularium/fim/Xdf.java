package org.formularium.fim;

import java.util.List;

/** What the importer reads from an XDatenfelder message, independent of the standard's version. */
final class Xdf {

    private Xdf() {
    }

    /** The supported versions of the standard. */
    enum Standard {
        V2("urn:xoev-de:fim:standard:xdatenfelder_2", "XDatenfelder 2.0"),
        V3("urn:xoev-de:fim:standard:xdatenfelder_3.0.0", "XDatenfelder 3.0.0");

        final String namespace;
        final String label;

        Standard(String namespace, String label) {
            this.namespace = namespace;
            this.label = label;
        }
    }

    /**
     * The root of an import: a Stammdatenschema, or the root group of a Datenfeldgruppe message.
     *
     * @param message the root element's local name
     */
    record Schema(Standard standard, String message, String id, String version, String name, String help,
                  List<Rule> rules, List<Child> children) {
    }

    /** A field group or a field. */
    sealed interface Item permits Group, Field {
        String id();

        String version();

        String name();

        /** {@code bezeichnungEingabe}, may be null. */
        String label();

        /** {@code hilfetextEingabe}, may be null. */
        String hint();

        List<Rule> rules();
    }

    /** A Datenfeldgruppe; {@code art} is the 3.0.0 group kind code (may be null). */
    record Group(String id, String version, String name, String label, String hint, String art, List<Rule> rules,
                 List<Child> children) implements Item {
    }

    /** A Datenfeld. */
    record Field(String id, String version, String name, String label, String hint, String feldart,
                 String datentyp, Constraints constraints, String content, CodeListRef codeList,
                 List<Value> values, String codeKey, String nameKey, Integer maxSize, List<String> mediaTypes,
                 List<Rule> rules) implements Item {
    }

    /** One {@code struktur} entry: the cardinality and the contained item. */
    record Child(Anzahl anzahl, Item item) {
    }

    /**
     * A cardinality {@code min:max}.
     *
     * @param max {@code null} for {@code *} (unbounded)
     */
    record Anzahl(int min, Integer max, String text) {

        boolean repeats() {
            return max == null || max > 1;
        }
    }

    /** A Regel with the texts a designer needs to express it. */
    record Rule(String id, String version, String name, String text, String script) {
    }

    /** {@code praezisierung}; all values as given (strings), null when absent. */
    record Constraints(String minLength, String maxLength, String minValue, String maxValue, String pattern) {

        static final Constraints NONE = new Constraints(null, null, null, null, null);

        boolean isEmpty() {
            return minLength == null && maxLength == null && minValue == null && maxValue == null && pattern == null;
        }
    }

    /** A code list reference (2.0: id plus genericode identification; 3.0.0: genericode identification). */
    record CodeListRef(String id, String canonicalIdentification, String version, String canonicalVersionUri) {

        /** The most specific name of the list, for messages. */
        String describe() {
            if (canonicalVersionUri != null) {
                return canonicalVersionUri;
            }
            if (canonicalIdentification != null) {
                return canonicalIdentification + (version == null ? "" : " (Version " + version + ")");
            }
            return id == null ? "(ohne Kennung)" : id;
        }

        boolean isEmpty() {
            return id == null && canonicalIdentification == null && canonicalVersionUri == null;
        }
    }

    /** An inline value of a 3.0.0 select field ({@code werte/wert}). */
    record Value(String code, String name, String help) {
    }
}
