package org.formularium.fim;

import static org.formularium.fim.FimImportErrorCode.DUPLICATE_ELEMENT;
import static org.formularium.fim.FimImportErrorCode.DUPLICATE_ID;
import static org.formularium.fim.FimImportErrorCode.EMPTY_ID;
import static org.formularium.fim.FimImportErrorCode.INVALID_ANZAHL;
import static org.formularium.fim.FimImportErrorCode.INVALID_STATUS_CODE;
import static org.formularium.fim.FimImportErrorCode.MISSING_ELEMENT;
import static org.formularium.fim.FimImportErrorCode.MISSING_ID;
import static org.formularium.fim.FimImportErrorCode.UNEXPECTED_NODE;
import static org.formularium.fim.FimImportErrorCode.UNKNOWN_NAMESPACE;
import static org.formularium.fim.FimImportErrorCode.UNSUPPORTED_MESSAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.formularium.definition.DefinitionJson;
import org.formularium.fim.Xdf.Standard;
import org.formularium.fim.XmlTree.Node;

/**
 * Reads an XDatenfelder 2.0 or 3.0.0 message strictly: every element must be one the standard allows at its
 * place, single elements must not repeat, ids, status codes and cardinalities must be valid. Content the form
 * does not need (dates, authors, keywords …) is checked for structure and otherwise ignored.
 */
final class XdfReader {

    static final String SCHEMA_MESSAGE = "xdatenfelder.stammdatenschema.0102";
    static final String GROUP_MESSAGE = "xdatenfelder.datenfeldgruppe.0103";

    private enum Occurs { ONE, MANY, SKIP }

    /** Elements whose content is a code ({@code <code>} child, unqualified). */
    private static final Set<String> CODE_TYPED = Set.of("status", "freigabestatus", "schemaelementart", "feldart",
            "datentyp", "vorbefuellung", "typ", "praedikat", "art", "ableitungsmodifikationenStruktur",
            "ableitungsmodifikationenRepraesentation");
    /** Elements with element children, read by their own method. */
    private static final Set<String> STRUCTURED = Set.of("identifikation", "struktur", "enthaelt", "regel",
            "codelisteReferenz", "genericodeIdentification", "relation", "objekt", "werte", "wert", "datenfeld",
            "datenfeldgruppe", "header", "stammdatenschema", "dokumentsteckbrief", "param", "ziel", "fehler");

    private static final Set<String> V2_STATUS = Set.of("inVorbereitung", "aktiv", "inaktiv");
    private static final Set<String> V3_STATUS = Set.of("1", "2", "3", "4", "5", "6", "7", "8");
    private static final Pattern ANZAHL = Pattern.compile("(\\d{1,6}):(\\d{1,6}|\\*)");

    // ---- the elements each element may contain --------------------------------------------------------

    private static final Map<String, Occurs> IDENT = spec(one("id", "version"));
    private static final Map<String, Occurs> V2_BASE = spec(one("identifikation", "name", "bezeichnungEingabe",
            "bezeichnungAusgabe", "beschreibung", "definition", "bezug", "status", "gueltigAb", "gueltigBis",
            "fachlicherErsteller", "versionshinweis", "freigabedatum", "veroeffentlichungsdatum"));
    private static final Map<String, Occurs> V2_SCHEMA = spec(V2_BASE, one("hilfetext",
            "ableitungsmodifikationenStruktur", "ableitungsmodifikationenRepraesentation"), many("regel", "struktur"));
    private static final Map<String, Occurs> V2_ELEMENT = spec(V2_BASE, one("schemaelementart", "hilfetextEingabe",
            "hilfetextAusgabe"));
    private static final Map<String, Occurs> V2_GROUP = spec(V2_ELEMENT, many("regel", "struktur"));
    private static final Map<String, Occurs> V2_FIELD = spec(V2_ELEMENT, one("feldart", "datentyp", "praezisierung",
            "inhalt", "codelisteReferenz"), many("regel"));
    private static final Map<String, Occurs> V2_RULE = spec(V2_BASE, one("script"));
    private static final Map<String, Occurs> V2_STRUKTUR = spec(one("anzahl", "bezug", "enthaelt"));
    private static final Map<String, Occurs> V2_CODELIST = spec(one("identifikation", "genericodeIdentification"));
    private static final Map<String, Occurs> V2_GENERICODE = spec(one("canonicalIdentification", "version",
            "canonicalVersionUri"));

    private static final Map<String, Occurs> V3_BASE = spec(one("identifikation", "name", "beschreibung",
            "definition", "freigabestatus", "statusGesetztAm", "statusGesetztDurch", "gueltigAb", "gueltigBis",
            "versionshinweis", "veroeffentlichungsdatum", "letzteAenderung"), many("bezug", "relation", "stichwort"));
    private static final Map<String, Occurs> V3_SCHEMA = spec(V3_BASE, one("bezeichnung", "hilfetext",
            "ableitungsmodifikationenStruktur", "ableitungsmodifikationenRepraesentation"),
            skip("dokumentsteckbrief"), many("regel", "struktur"));
    private static final Map<String, Occurs> V3_ELEMENT = spec(V3_BASE, one("bezeichnungEingabe",
            "bezeichnungAusgabe", "schemaelementart", "hilfetextEingabe", "hilfetextAusgabe"));
    private static final Map<String, Occurs> V3_GROUP = spec(V3_ELEMENT, one("art"), many("regel", "struktur"));
    private static final Map<String, Occurs> V3_FIELD = spec(V3_ELEMENT, one("feldart", "datentyp", "praezisierung",
            "inhalt", "vorbefuellung", "codelisteReferenz", "werte", "codeKey", "nameKey", "helpKey", "maxSize"),
            many("mediaType", "regel"));
    private static final Map<String, Occurs> V3_RULE = spec(one("identifikation", "name", "beschreibung",
            "freitextRegel", "fachlicherErsteller", "letzteAenderung", "typ", "skript"), many("bezug", "stichwort"),
            skip("param", "ziel", "fehler"));
    private static final Map<String, Occurs> V3_STRUKTUR = spec(one("anzahl", "enthaelt"), many("bezug"));
    private static final Map<String, Occurs> V3_RELATION = spec(one("praedikat", "objekt"));
    private static final Map<String, Occurs> V3_CODELIST = spec(one("canonicalIdentification", "version",
            "canonicalVersionUri"));
    private static final Map<String, Occurs> V3_WERTE = spec(many("wert"));
    private static final Map<String, Occurs> V3_WERT = spec(one("code", "name", "hilfe"));

    private final Standard standard;
    private final String ns;
    private final Report report;

    private XdfReader(Standard standard, Report report) {
        this.standard = standard;
        this.ns = standard.namespace;
        this.report = report;
    }

    /** Reads the message in {@code root}. */
    static Xdf.Schema read(Node root, Report report) {
        Standard standard = Arrays.stream(Standard.values()).filter(s -> s.namespace.equals(root.namespace))
                .findFirst().orElseThrow(() -> new FimImportException(UNKNOWN_NAMESPACE,
                        "Unbekannter Namensraum " + (root.namespace.isEmpty() ? "(keiner)" : "„" + root.namespace + "“")
                                + " am Wurzelelement <" + root.localName + ">; unterstützt sind "
                                + Standard.V2.namespace + " und " + Standard.V3.namespace + ".",
                        root.location()));
        return new XdfReader(standard, report).message(root);
    }

    private Xdf.Schema message(Node root) {
        boolean schemaMessage = SCHEMA_MESSAGE.equals(root.localName);
        boolean groupMessage = standard == Standard.V3 && GROUP_MESSAGE.equals(root.localName);
        if (!schemaMessage && !groupMessage) {
            throw new FimImportException(UNSUPPORTED_MESSAGE, "Die Nachricht <" + root.localName + "> wird nicht "
                    + "unterstützt; " + standard.label + " wird als " + (standard == Standard.V2 ? SCHEMA_MESSAGE
                    : SCHEMA_MESSAGE + " oder " + GROUP_MESSAGE) + " importiert.", root.location());
        }
        String content = schemaMessage ? "stammdatenschema" : "datenfeldgruppe";
        Children c = children(root, spec(skip("header"), one(content)));
        Node node = c.required(content);
        if (groupMessage) {
            Xdf.Group group = group(node);
            return new Xdf.Schema(standard, root.localName, group.id(), group.version(), group.name(), group.hint(),
                    group.rules(), group.children());
        }
        return schema(node, root.localName);
    }

    // ---- elements -------------------------------------------------------------------------------------

    private Xdf.Schema schema(Node node, String message) {
        Children c = children(node, standard == Standard.V2 ? V2_SCHEMA : V3_SCHEMA);
        String[] id = identification(c, node);
        String name = c.requiredText("name");
        status(c);
        return new Xdf.Schema(standard, message, id[0], id[1], name, c.text("hilfetext"), rules(c), structure(c));
    }

    private Xdf.Group group(Node node) {
        Children c = children(node, standard == Standard.V2 ? V2_GROUP : V3_GROUP);
        String[] id = identification(c, node);
        String name = c.requiredText("name");
        status(c);
        String art = c.has("art") ? code(c.one("art")) : null;
        return new Xdf.Group(id[0], id[1], name, c.text("bezeichnungEingabe"), c.text("hilfetextEingabe"), art,
                rules(c), structure(c));
    }

    private Xdf.Field field(Node node) {
        Children c = children(node, standard == Standard.V2 ? V2_FIELD : V3_FIELD);
        String[] id = identification(c, node);
        String name = c.requiredText("name");
        status(c);
        String feldart = code(c.required("feldart"));
        String datentyp = code(c.required("datentyp"));
        Xdf.Constraints constraints = c.has("praezisierung")
                ? (standard == Standard.V2 ? jsonConstraints(c.one("praezisierung"), id[0])
                : attributeConstraints(c.one("praezisierung")))
                : Xdf.Constraints.NONE;
        Xdf.CodeListRef codeList = c.has("codelisteReferenz") ? codeList(c.one("codelisteReferenz")) : null;
        List<Xdf.Value> values = c.has("werte") ? values(c.one("werte")) : List.of();
        Integer maxSize = null;
        if (c.text("maxSize") != null) {
            try {
                maxSize = Integer.valueOf(c.text("maxSize"));
            } catch (NumberFormatException e) {
                report.warning(id[0], "maxSize „" + c.text("maxSize") + "“ ist keine ganze Zahl und wurde ignoriert.");
            }
        }
        List<String> mediaTypes = c.all("mediaType").stream().map(n -> leaf(n)).filter(t -> !t.isEmpty()).toList();
        return new Xdf.Field(id[0], id[1], name, c.text("bezeichnungEingabe"), c.text("hilfetextEingabe"), feldart,
                datentyp, constraints, c.text("inhalt"), codeList, values, c.text("codeKey"), c.text("nameKey"),
                maxSize, mediaTypes, rules(c));
    }

    private List<Xdf.Rule> rules(Children c) {
        List<Xdf.Rule> rules = new ArrayList<>();
        for (Node node : c.all("regel")) {
            Children r = children(node, standard == Standard.V2 ? V2_RULE : V3_RULE);
            String[] id = identification(r, node);
            String name = r.requiredText("name");
            status(r);
            String text = joinTexts(r.text(standard == Standard.V2 ? "definition" : "freitextRegel"),
                    r.text("beschreibung"));
            rules.add(new Xdf.Rule(id[0], id[1], name, text, r.text(standard == Standard.V2 ? "script" : "skript")));
        }
        return rules;
    }

    private List<Xdf.Child> structure(Children c) {
        List<Xdf.Child> result = new ArrayList<>();
        for (Node node : c.all("struktur")) {
            Children s = children(node, standard == Standard.V2 ? V2_STRUKTUR : V3_STRUKTUR);
            Node anzahlNode = s.required("anzahl");
            Xdf.Anzahl anzahl = anzahl(leaf(anzahlNode), anzahlNode);
            Node contains = s.required("enthaelt");
            List<Node> items = new ArrayList<>();
            for (Node child : contains.children) {
                if (!ns.equals(child.namespace)
                        || !(child.localName.equals("datenfeld") || child.localName.equals("datenfeldgruppe"))) {
                    throw unexpected(child);
                }
                items.add(child);
            }
            if (items.isEmpty()) {
                throw new FimImportException(MISSING_ELEMENT, "<enthaelt> enthält weder <datenfeld> noch "
                        + "<datenfeldgruppe>.", contains.location());
            }
            if (items.size() > 1) {
                throw new FimImportException(DUPLICATE_ELEMENT, "<enthaelt> darf nur ein Element enthalten, "
                        + "enthält aber " + items.size() + ".", items.get(1).location());
            }
            Node item = items.get(0);
            result.add(new Xdf.Child(anzahl, item.localName.equals("datenfeld") ? field(item) : group(item)));
        }
        return result;
    }

    private Xdf.Anzahl anzahl(String text, Node node) {
        Matcher m = ANZAHL.matcher(text);
        if (!m.matches()) {
            throw new FimImportException(INVALID_ANZAHL, "Ungültige Anzahl „" + text + "“: erwartet „min:max“ oder "
                    + "„min:*“ mit ganzen Zahlen, z. B. „0:1“ oder „1:*“.", node.location());
        }
        int min = Integer.parseInt(m.group(1));
        Integer max = "*".equals(m.group(2)) ? null : Integer.valueOf(m.group(2));
        if (max != null && max < min) {
            throw new FimImportException(INVALID_ANZAHL, "Ungültige Anzahl „" + text + "“: das Maximum ist kleiner "
                    + "als das Minimum.", node.location());
        }
        return new Xdf.Anzahl(min, max, text);
    }

    private String[] identification(Children c, Node owner) {
        Node node = c.one("identifikation");
        if (node == null) {
            throw new FimImportException(MISSING_ID, "<" + owner.localName + "> hat keine <identifikation> mit <id>.",
                    owner.location());
        }
        Children ic = children(node, IDENT);
        Node id = ic.one("id");
        if (id == null) {
            throw new FimImportException(MISSING_ID, "<identifikation> von <" + owner.localName + "> hat keine <id>.",
                    node.location());
        }
        String value = leaf(id);
        if (value.isEmpty()) {
            throw new FimImportException(EMPTY_ID, "<id> von <" + owner.localName + "> ist leer.", id.location());
        }
        return new String[] {value, ic.text("version")};
    }

    private void status(Children c) {
        String element = standard == Standard.V2 ? "status" : "freigabestatus";
        if (!c.has(element)) {
            return;
        }
        Node node = c.one(element);
        String code = code(node);
        Set<String> allowed = standard == Standard.V2 ? V2_STATUS : V3_STATUS;
        if (!allowed.contains(code)) {
            throw new FimImportException(INVALID_STATUS_CODE, "Ungültiger Statuscode „" + code + "“ in <" + element
                    + "> von <" + node.parent.localName + ">; erlaubt sind " + String.join(", ",
                    allowed.stream().sorted().toList()) + ".", node.location());
        }
    }

    private Xdf.Constraints jsonConstraints(Node node, String fimId) {
        String text = leaf(node);
        if (text.isEmpty()) {
            return Xdf.Constraints.NONE;
        }
        JsonNode json;
        try {
            json = DefinitionJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            report.warning(fimId, "Präzisierung „" + text + "“ ist kein JSON-Objekt und wurde nicht übernommen.");
            return Xdf.Constraints.NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (Set.of("minLength", "maxLength", "minValue", "maxValue", "pattern").contains(entry.getKey())) {
                JsonNode value = entry.getValue();
                if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                    values.put(entry.getKey(), value.asText().strip());
                }
            } else {
                report.warning(fimId, "Präzisierung „" + entry.getKey() + "“ ist unbekannt und wurde nicht übernommen.");
            }
        }
        return new Xdf.Constraints(values.get("minLength"), values.get("maxLength"), values.get("minValue"),
                values.get("maxValue"), values.get("pattern"));
    }

    private Xdf.Constraints attributeConstraints(Node node) {
        leaf(node);
        return new Xdf.Constraints(attribute(node, "minLength"), attribute(node, "maxLength"),
                attribute(node, "minValue"), attribute(node, "maxValue"), attribute(node, "pattern"));
    }

    private static String attribute(Node node, String name) {
        String value = node.attributes.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Xdf.CodeListRef codeList(Node node) {
        if (standard == Standard.V2) {
            Children c = children(node, V2_CODELIST);
            String id = c.has("identifikation") ? identification(c, node)[0] : null;
            if (!c.has("genericodeIdentification")) {
                return new Xdf.CodeListRef(id, null, null, null);
            }
            Children g = children(c.one("genericodeIdentification"), V2_GENERICODE);
            return new Xdf.CodeListRef(id, g.text("canonicalIdentification"), g.text("version"),
                    g.text("canonicalVersionUri"));
        }
        Children c = children(node, V3_CODELIST);
        Xdf.CodeListRef ref = new Xdf.CodeListRef(null, c.text("canonicalIdentification"), c.text("version"),
                c.text("canonicalVersionUri"));
        return ref.isEmpty() ? null : ref;
    }

    private List<Xdf.Value> values(Node node) {
        List<Xdf.Value> values = new ArrayList<>();
        for (Node wert : children(node, V3_WERTE).all("wert")) {
            Children w = children(wert, V3_WERT);
            values.add(new Xdf.Value(w.requiredText("code"), w.text("name"), w.text("hilfe")));
        }
        return values;
    }

    /** The code of a code-typed element: its (unqualified) {@code <code>} child. */
    private String code(Node node) {
        Node code = null;
        for (Node child : node.children) {
            boolean allowedNs = child.namespace.isEmpty() || ns.equals(child.namespace);
            if (!allowedNs || !(child.localName.equals("code") || child.localName.equals("name"))) {
                throw unexpected(child);
            }
            if (child.localName.equals("code")) {
                if (code != null) {
                    throw new FimImportException(DUPLICATE_ELEMENT, "<" + node.localName + "> enthält mehrere <code>.",
                            child.location());
                }
                code = child;
            }
        }
        String value = code == null ? "" : leaf(code);
        if (value.isEmpty()) {
            throw new FimImportException(MISSING_ELEMENT, "<" + node.localName + "> hat keinen <code>.",
                    node.location());
        }
        return value;
    }

    // ---- children -------------------------------------------------------------------------------------

    /** Checks the children of {@code node} against {@code spec} and gives access to them by name. */
    private Children children(Node node, Map<String, Occurs> spec) {
        Map<String, List<Node>> byName = new LinkedHashMap<>();
        for (Node child : node.children) {
            Occurs occurs = ns.equals(child.namespace) ? spec.get(child.localName) : null;
            if (occurs == null) {
                throw unexpected(child);
            }
            if (occurs == Occurs.SKIP) {
                continue;
            }
            if (CODE_TYPED.contains(child.localName)) {
                code(child);
            } else if (!STRUCTURED.contains(child.localName)) {
                leaf(child);
            }
            byName.computeIfAbsent(child.localName, k -> new ArrayList<>()).add(child);
        }
        Map<String, Node> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<Node>> entry : byName.entrySet()) {
            if (spec.get(entry.getKey()) != Occurs.ONE) {
                continue;
            }
            List<Node> nodes = entry.getValue();
            single.put(entry.getKey(), oneOf(entry.getKey(), nodes, node));
        }
        return new Children(node, byName, single);
    }

    /**
     * The one node of a single element. 3.0.0 tolerates empty repetitions (as the reference parser does: an
     * empty {@code <inhalt/>} next to a filled one); 2.0 does not.
     */
    private Node oneOf(String name, List<Node> nodes, Node parent) {
        if (nodes.size() == 1) {
            return nodes.get(0);
        }
        List<Node> filled = nodes.stream().filter(n -> !n.isBlank()).toList();
        if (standard == Standard.V3 && filled.size() <= 1) {
            return filled.isEmpty() ? nodes.get(0) : filled.get(0);
        }
        Node second = nodes.get(1);
        if (name.equals("id")) {
            throw new FimImportException(DUPLICATE_ID, "<" + parent.localName + "> enthält mehrere <id>: "
                    + nodes.stream().map(n -> "„" + n.text() + "“").collect(Collectors.joining(", ")) + ".",
                    second.location());
        }
        throw new FimImportException(DUPLICATE_ELEMENT, "<" + name + "> darf in <" + parent.localName
                + "> nur einmal vorkommen, kommt aber " + nodes.size() + "-mal vor.", second.location());
    }

    /** The text of an element that must not contain elements. */
    private String leaf(Node node) {
        if (!node.children.isEmpty()) {
            throw unexpected(node.children.get(0));
        }
        return normalize(node.text());
    }

    private FimImportException unexpected(Node child) {
        String name = child.namespace.equals(ns) ? child.localName : "{" + child.namespace + "}" + child.localName;
        return new FimImportException(UNEXPECTED_NODE, "Unerwartetes Element <" + name + "> in <"
                + child.parent.localName + ">.", child.location());
    }

    /** Strips indentation from multi-line texts. */
    static String normalize(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
    }

    private static String joinTexts(String... texts) {
        return Arrays.stream(texts).filter(t -> t != null && !t.isBlank()).distinct()
                .collect(Collectors.joining(" – "));
    }

    /** Access to checked children. */
    private final class Children {
        private final Node parent;
        private final Map<String, List<Node>> byName;
        private final Map<String, Node> single;

        Children(Node parent, Map<String, List<Node>> byName, Map<String, Node> single) {
            this.parent = parent;
            this.byName = byName;
            this.single = single;
        }

        boolean has(String name) {
            return single.containsKey(name) || byName.containsKey(name);
        }

        Node one(String name) {
            return single.get(name);
        }

        List<Node> all(String name) {
            return byName.getOrDefault(name, List.of());
        }

        Node required(String name) {
            Node node = single.get(name);
            if (node == null) {
                throw new FimImportException(MISSING_ELEMENT, "<" + parent.localName + "> hat kein <" + name + ">.",
                        parent.location());
            }
            return node;
        }

        /** The text of a single leaf child; null when absent or empty. */
        String text(String name) {
            Node node = single.get(name);
            if (node == null) {
                return null;
            }
            String text = leaf(node);
            return text.isEmpty() ? null : text;
        }

        String requiredText(String name) {
            String text = text(name);
            if (text == null) {
                throw new FimImportException(MISSING_ELEMENT, "<" + parent.localName + "> hat kein oder ein leeres <"
                        + name + ">.", single.containsKey(name) ? single.get(name).location() : parent.location());
            }
            return text;
        }
    }

    // ---- spec helpers ---------------------------------------------------------------------------------

    private static Map<String, Occurs> one(String... names) {
        return with(Occurs.ONE, names);
    }

    private static Map<String, Occurs> many(String... names) {
        return with(Occurs.MANY, names);
    }

    private static Map<String, Occurs> skip(String... names) {
        return with(Occurs.SKIP, names);
    }

    private static Map<String, Occurs> with(Occurs occurs, String... names) {
        Map<String, Occurs> map = new LinkedHashMap<>();
        IntStream.range(0, names.length).forEach(i -> map.put(names[i], occurs));
        return map;
    }

    @SafeVarargs
    private static Map<String, Occurs> spec(Map<String, Occurs>... parts) {
        Map<String, Occurs> map = new LinkedHashMap<>();
        for (Map<String, Occurs> part : parts) {
            map.putAll(part);
        }
        return Map.copyOf(map);
    }
}
