package org.formularium.fim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formularium.fim.XmlTree.Node;

/**
 * A genericode 1.0 code list ({@code SimpleCodeList/Row/Value[@ColumnRef]/SimpleValue}): its identification,
 * columns and rows.
 */
record Genericode(String shortName, String version, String canonicalUri, String canonicalVersionUri,
                  List<Column> columns, List<String> keyColumns, List<Map<String, String>> rows) {

    static final String NAMESPACE = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";

    private static final Set<String> CODE_COLUMN_NAMES = Set.of("code", "schluessel", "schlüssel", "key", "kennung");
    private static final Set<String> NAME_COLUMN_NAMES = Set.of("name", "wert", "bezeichnung", "beschreibung",
            "langname", "text", "label");

    /** A column: its {@code Id} and {@code ShortName}. */
    record Column(String id, String shortName) {

        boolean isNamed(String name) {
            return name != null && (name.equalsIgnoreCase(id) || name.equalsIgnoreCase(shortName));
        }
    }

    /**
     * Reads a genericode file (same security rules as the schema).
     *
     * @throws FimImportException when the file is not XML or not genericode 1.0 (message names the file)
     */
    static Genericode read(byte[] bytes, String fileName) {
        String what = "Die Codeliste „" + fileName + "“";
        Node root = XmlTree.parse(bytes, XDatenfelderImporter.MAX_FILE_BYTES, what);
        if (!NAMESPACE.equals(root.namespace) || !"CodeList".equals(root.localName)) {
            throw new FimImportException(FimImportErrorCode.UNKNOWN_NAMESPACE, what + " ist keine genericode-1.0-"
                    + "Codeliste (Wurzel <" + root.localName + "> im Namensraum „" + root.namespace + "“).",
                    root.location());
        }
        Node identification = child(root, "Identification");
        List<Column> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Node columnSet = child(root, "ColumnSet");
        if (columnSet != null) {
            for (Node node : columnSet.children) {
                if (node.localName.equals("Column")) {
                    columns.add(new Column(node.attributes.getOrDefault("Id", ""), text(child(node, "ShortName"))));
                } else if (node.localName.equals("Key")) {
                    Node ref = child(node, "ColumnRef");
                    if (ref != null && ref.attributes.get("Ref") != null) {
                        keys.add(ref.attributes.get("Ref"));
                    }
                }
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        Node list = child(root, "SimpleCodeList");
        if (list != null) {
            for (Node row : list.children) {
                if (row.localName.equals("Row")) {
                    rows.add(row(row, columns));
                }
            }
        }
        return new Genericode(text(child(identification, "ShortName")), text(child(identification, "Version")),
                text(child(identification, "CanonicalUri")), text(child(identification, "CanonicalVersionUri")),
                List.copyOf(columns), List.copyOf(keys), List.copyOf(rows));
    }

    /** A row as column id → value; values without {@code ColumnRef} take the column after the previous one. */
    private static Map<String, String> row(Node row, List<Column> columns) {
        Map<String, String> values = new LinkedHashMap<>();
        int position = -1;
        for (Node value : row.children) {
            if (!value.localName.equals("Value")) {
                continue;
            }
            String ref = value.attributes.get("ColumnRef");
            if (ref != null) {
                position = indexOf(columns, ref);
            } else {
                position++;
                ref = position >= 0 && position < columns.size() ? columns.get(position).id() : null;
            }
            if (ref != null) {
                values.put(ref, text(child(value, "SimpleValue")));
            }
        }
        return values;
    }

    private static int indexOf(List<Column> columns, String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The key column: the requested one, else the first declared key, else one named like a code, else the first. */
    Optional<Column> keyColumn(String requested) {
        Optional<Column> named = find(requested);
        if (named.isPresent()) {
            return named;
        }
        for (String key : keyColumns) {
            Optional<Column> column = columns.stream().filter(c -> c.id().equals(key)).findFirst();
            if (column.isPresent()) {
                return column;
            }
        }
        return columns.stream().filter(c -> CODE_COLUMN_NAMES.contains(lower(c.id()))
                || CODE_COLUMN_NAMES.contains(lower(c.shortName()))).findFirst()
                .or(() -> columns.stream().findFirst());
    }

    /** The name column: the requested one, else one named like a name, else the first other column. */
    Optional<Column> nameColumn(String requested, Column key) {
        Optional<Column> named = find(requested);
        if (named.isPresent()) {
            return named;
        }
        return columns.stream().filter(c -> !c.equals(key)).filter(c -> NAME_COLUMN_NAMES.contains(lower(c.id()))
                        || NAME_COLUMN_NAMES.contains(lower(c.shortName()))).findFirst()
                .or(() -> columns.stream().filter(c -> !c.equals(key)).findFirst());
    }

    private Optional<Column> find(String name) {
        return name == null ? Optional.empty() : columns.stream().filter(c -> c.isNamed(name)).findFirst();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.GERMAN);
    }

    private static Node child(Node node, String localName) {
        if (node == null) {
            return null;
        }
        return node.children.stream().filter(c -> c.localName.equals(localName)).findFirst().orElse(null);
    }

    private static String text(Node node) {
        if (node == null) {
            return null;
        }
        String text = XdfReader.normalize(node.text());
        return text.isEmpty() ? null : text;
    }
}
