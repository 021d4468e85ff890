package org.formularium.fim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.InfoElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;
import org.formularium.definition.model.YesNoElement;

/**
 * Maps what {@link XdfReader} read to a draft {@link FormDefinition}, recording every decision in the report.
 * One instance per import.
 */
final class FormMapper {

    static final int MAX_PAGES = 50;
    static final int MAX_INPUTS = 500;
    /** Containers allowed below a page. */
    static final int MAX_CONTAINER_DEPTH = 3;
    static final int MAX_TEXT = 10_000;
    static final int MAX_INFO_TEXT = 20_000;
    static final int MAX_OPTIONS = 500;
    /** Choices with at most this many options are radio buttons, others selects. */
    static final int MAX_RADIO_OPTIONS = 5;
    static final int MAX_PATTERN_LENGTH = 1000;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/(\\*|[a-z0-9][a-z0-9.+-]*)");

    private final Report report;
    private final CodeListFiles files;
    private final Keys.Scope formScope = new Keys.Scope();
    private final Keys.Scope listScope = new Keys.Scope();
    private final Map<String, List<Option>> codeLists = new LinkedHashMap<>();
    private final Map<String, String> listKeys = new HashMap<>();
    private final Map<String, String> formMetadata = new LinkedHashMap<>();
    private int inputs;

    FormMapper(Report report, CodeListFiles files) {
        this.report = report;
        this.files = files;
    }

    FimImportResult map(Xdf.Schema schema) {
        String key = Keys.formKey(schema.name(), schema.id());
        report.info(schema.id(), "Entwurf aus " + schema.standard().label + " (" + schema.message() + ") „"
                + schema.name() + "“, " + schema.id() + version(schema.version()) + " erstellt; Formularschlüssel „"
                + key + "“, Sprache Deutsch.");
        formMetadata.put("fimId", schema.id());
        if (schema.version() != null) {
            formMetadata.put("fimVersion", schema.version());
        }
        formMetadata.put("fimStandard", schema.standard().label);
        reportRules(schema.rules(), "Schema " + schema.id());

        List<Page> pages = new ArrayList<>();
        List<Element> loose = new ArrayList<>();
        for (Xdf.Child child : schema.children()) {
            if (skipped(child)) {
                continue;
            }
            if (child.item() instanceof Xdf.Group group) {
                flushLoose(loose, pages, schema);
                pages.add(page(group, child.anzahl()));
            } else {
                loose.addAll(mapChild(child, formScope, 0));
            }
        }
        flushLoose(loose, pages, schema);
        if (pages.isEmpty()) {
            report.warning(schema.id(), "Das Schema enthält keine Felder; der Entwurf hat eine leere Seite.");
            pages.add(new Page(formScope.allocate(schema.name(), schema.id()), de(schema.name()), null, null, List.of()));
        }
        if (pages.size() > MAX_PAGES) {
            report.actionRequired(schema.id(), "Das Schema ergibt " + pages.size() + " Seiten; erlaubt sind "
                    + MAX_PAGES + ". Bitte Seiten zusammenfassen.");
        }
        if (inputs > MAX_INPUTS) {
            report.actionRequired(schema.id(), "Das Schema ergibt " + inputs + " Eingabeelemente; erlaubt sind "
                    + MAX_INPUTS + ". Bitte das Formular kürzen.");
        }
        report.info(schema.id(), "Kein Datenschutzhinweis übernommen (XDatenfelder enthält keinen): bitte "
                + "Datenschutzhinweis, Verantwortliche Stelle und Aufbewahrungsfrist ergänzen.");
        FormDefinition draft = new FormDefinition(FormDefinition.SCHEMA_VERSION, key, List.of(LocalizedText.GERMAN),
                de(schema.name()), schema.help() == null ? null : de(schema.help()), null, pages, null,
                codeLists.isEmpty() ? null : codeLists, null, null, formMetadata);
        return new FimImportResult(draft, key, report.entries());
    }

    // ---- pages and containers -------------------------------------------------------------------------

    private void flushLoose(List<Element> loose, List<Page> pages, Xdf.Schema schema) {
        if (loose.isEmpty()) {
            return;
        }
        String key = formScope.allocate(schema.name(), schema.id());
        report.info(schema.id(), "Felder ohne Gruppe auf der Ebene des Schemas → Seite „" + key + "“ mit dem Titel "
                + "des Schemas.");
        pages.add(new Page(key, de(schema.name()), null, null, List.copyOf(loose)));
        loose.clear();
    }

    private Page page(Xdf.Group group, Xdf.Anzahl anzahl) {
        String label = label(group);
        List<Element> elements;
        String key;
        if (anzahl.repeats()) {
            String groupKey = formScope.allocate(group.name(), group.id());
            key = formScope.allocate(group.name(), group.id());
            report.info(group.id(), "Gruppe „" + label + "“ (Anzahl " + anzahl.text() + ") → Seite „" + key
                    + "“ mit einer wiederholbaren Gruppe.");
            elements = List.of(repeating(group, groupKey, anzahl, 0));
        } else {
            key = formScope.allocate(group.name(), group.id());
            report.info(group.id(), "Gruppe „" + label + "“ (Anzahl " + anzahl.text() + ") → Seite „" + key + "“.");
            elements = mapChildren(group.children(), formScope, 0);
            optionalGroupWarning(group, anzahl, elements);
        }
        formMetadata.put("pages." + key + ".fimId", group.id());
        if (group.version() != null) {
            formMetadata.put("pages." + key + ".fimVersion", group.version());
        }
        groupExtras(group, "Gruppe " + group.id() + " „" + label + "“ (Seite „" + key + "“)");
        return new Page(key, de(label), group.hint() == null ? null : de(group.hint()), null, elements);
    }

    private List<Element> mapChildren(List<Xdf.Child> children, Keys.Scope scope, int depth) {
        List<Element> elements = new ArrayList<>();
        for (Xdf.Child child : children) {
            if (!skipped(child)) {
                elements.addAll(mapChild(child, scope, depth));
            }
        }
        return elements;
    }

    /** Maps one child whose containers sit {@code depth} containers below the page. */
    private List<Element> mapChild(Xdf.Child child, Keys.Scope scope, int depth) {
        Xdf.Anzahl anzahl = child.anzahl();
        if (child.item() instanceof Xdf.Group group) {
            String label = label(group);
            if (depth >= MAX_CONTAINER_DEPTH) {
                if (anzahl.repeats()) {
                    report.actionRequired(group.id(), "Gruppe „" + label + "“ (Anzahl " + anzahl.text() + ") liegt "
                            + "tiefer als " + MAX_CONTAINER_DEPTH + " Ebenen; ihre Felder wurden einmalig (nicht "
                            + "wiederholbar) übernommen. Bitte Struktur vereinfachen.");
                } else {
                    report.warning(group.id(), "Gruppe „" + label + "“ liegt tiefer als " + MAX_CONTAINER_DEPTH
                            + " Ebenen; ihre Felder wurden ohne eigenen Abschnitt übernommen.");
                }
                groupExtras(group, "Gruppe " + group.id() + " „" + label + "“");
                return mapChildren(group.children(), scope, depth);
            }
            String key = scope.allocate(group.name(), group.id());
            if (anzahl.repeats()) {
                groupExtras(group, "Gruppe " + group.id() + " „" + label + "“ (Schlüssel " + key + ")");
                return List.of(repeating(group, key, anzahl, depth));
            }
            report.info(group.id(), "Gruppe „" + label + "“ (Anzahl " + anzahl.text() + ") → Abschnitt „" + key
                    + "“.");
            groupExtras(group, "Gruppe " + group.id() + " „" + label + "“ (Abschnitt " + key + ")");
            List<Element> elements = mapChildren(group.children(), scope, depth + 1);
            optionalGroupWarning(group, anzahl, elements);
            return List.of(new SectionElement(key, de(label), elements, null, metadata(group)));
        }
        Xdf.Field field = (Xdf.Field) child.item();
        if (anzahl.repeats() && !"label".equals(field.feldart())) {
            if (depth < MAX_CONTAINER_DEPTH) {
                String key = scope.allocate(field.name(), field.id());
                int[] bounds = bounds(field, anzahl);
                report.info(field.id(), "Feld „" + label(field) + "“ ist wiederholbar (Anzahl " + anzahl.text()
                        + ") → wiederholbare Gruppe „" + key + "“ (" + bounds[0] + " bis " + bounds[1]
                        + " Einträge) mit dem Feld als Pflichtfeld je Eintrag.");
                Element inner = field(field, new Keys.Scope(), anzahl, true);
                inputs++;
                LocalizedText label = de(label(field));
                return List.of(new GroupElement(key, label, null, label, bounds[0], bounds[1], List.of(inner),
                        anzahl.min() >= 1 ? Boolean.TRUE : null, null, null, null, null, null, null,
                        metadata(field)));
            }
            report.warning(field.id(), "Feld „" + label(field) + "“ (Anzahl " + anzahl.text() + ") liegt zu tief "
                    + "für eine wiederholbare Gruppe und wurde einmalig übernommen.");
        }
        return List.of(field(field, scope, anzahl, anzahl.min() >= 1));
    }

    /** A repeating group (own key scope) with the given key, its children one container deeper. */
    private GroupElement repeating(Xdf.Group group, String key, Xdf.Anzahl anzahl, int depth) {
        int[] bounds = bounds(group, anzahl);
        report.info(group.id(), "Gruppe „" + label(group) + "“ (Anzahl " + anzahl.text() + ") → wiederholbare "
                + "Gruppe „" + key + "“ (" + bounds[0] + " bis " + bounds[1] + " Einträge).");
        List<Element> elements = mapChildren(group.children(), new Keys.Scope(), depth + 1);
        inputs++;
        LocalizedText label = de(label(group));
        return new GroupElement(key, label, group.hint() == null ? null : de(group.hint()), label, bounds[0],
                bounds[1], elements, anzahl.min() >= 1 ? Boolean.TRUE : null, null, null, null, null, null, null,
                metadata(group));
    }

    /** minItems and maxItems of a repeating group for a cardinality. */
    private int[] bounds(Xdf.Item item, Xdf.Anzahl anzahl) {
        int max = GroupElement.MAX_MAX_ITEMS;
        if (anzahl.max() == null) {
            report.info(item.id(), "Anzahl " + anzahl.text() + " ist unbegrenzt; höchstens " + max
                    + " Einträge übernommen.");
        } else if (anzahl.max() > max) {
            report.warning(item.id(), "Anzahl " + anzahl.text() + " übersteigt " + max + " Einträge; auf " + max
                    + " begrenzt.");
        } else {
            max = anzahl.max();
        }
        int min = anzahl.min();
        if (min > max) {
            report.warning(item.id(), "Mindestanzahl " + min + " auf " + max + " begrenzt.");
            min = max;
        }
        return new int[] {min, max};
    }

    private boolean skipped(Xdf.Child child) {
        if (child.anzahl().max() != null && child.anzahl().max() == 0) {
            report.warning(child.item().id(), "„" + label(child.item()) + "“ hat die Anzahl " + child.anzahl().text()
                    + " (darf nicht vorkommen) und wurde nicht übernommen.");
            return true;
        }
        return false;
    }

    private void optionalGroupWarning(Xdf.Group group, Xdf.Anzahl anzahl, List<Element> elements) {
        if (anzahl.min() == 0 && containsRequired(elements)) {
            report.warning(group.id(), "Gruppe „" + label(group) + "“ ist optional (Anzahl " + anzahl.text()
                    + "), enthält aber Pflichtfelder; im Entwurf sind diese immer Pflicht. Bitte ggf. mit "
                    + "visibleIf/requiredIf nur bei Bedarf verlangen.");
        }
    }

    private static boolean containsRequired(List<Element> elements) {
        for (Element element : elements) {
            if (element instanceof SectionElement section && containsRequired(section.elements())) {
                return true;
            }
            if (element instanceof InputElement input && input.requiredOrFalse()) {
                return true;
            }
        }
        return false;
    }

    private void groupExtras(Xdf.Group group, String where) {
        reportRules(group.rules(), where);
        if (group.art() != null) {
            report.warning(group.id(), "Gruppenart „" + group.art() + "“ von " + where + " ist nicht abgebildet; "
                    + "bitte ggf. mit Bedingungen (visibleIf/requiredIf oder rules) ausdrücken.");
        }
    }

    private void reportRules(List<Xdf.Rule> rules, String where) {
        for (Xdf.Rule rule : rules) {
            String text = rule.text() == null || rule.text().isBlank() ? "(ohne Beschreibung)" : rule.text();
            report.actionRequired(rule.id(), "Regel " + rule.id() + version(rule.version()) + " „" + rule.name()
                    + "“ an " + where + " übernommen als Hinweis, nicht ausgewertet: „" + text + "“"
                    + (rule.script() == null ? "" : "; Skript: „" + rule.script() + "“")
                    + " – bitte in JSON Logic ausdrücken (rules, visibleIf oder requiredIf).");
        }
    }

    // ---- fields -----------------------------------------------------------------------------------------

    private Element field(Xdf.Field field, Keys.Scope scope, Xdf.Anzahl anzahl, boolean required) {
        String key = scope.allocate(field.name(), field.id());
        String where = "Feld " + field.id() + " „" + label(field) + "“ (Schlüssel " + key + ")";
        reportRules(field.rules(), where);
        Element element = switch (field.feldart()) {
            case "label" -> info(field, key);
            case "select" -> choice(field, key, required, false);
            case "hidden" -> hidden(field, key);
            case "locked" -> input(field, key, required, true);
            case "input" -> input(field, key, required, false);
            default -> {
                report.warning(field.id(), "Feldart „" + field.feldart() + "“ ist unbekannt; als Eingabefeld "
                        + "übernommen.");
                yield input(field, key, required, false);
            }
        };
        if (element instanceof InputElement) {
            inputs++;
        }
        report.info(field.id(), "Feld „" + label(field) + "“ (" + field.feldart() + "/" + field.datentyp()
                + ", Anzahl " + anzahl.text() + ") → " + element.type().jsonName() + " „" + key + "“"
                + (element instanceof InputElement input ? (input.requiredOrFalse() ? ", Pflichtfeld" : ", optional")
                + (input.readOnlyOrFalse() ? ", schreibgeschützt" : "") : "") + ".");
        return element;
    }

    private InfoElement info(Xdf.Field field, String key) {
        String content = field.content() != null ? field.content() : label(field);
        ignored(field, "einen Hinweistext", "minLength", "maxLength",
                "minValue", "maxValue", "pattern");
        return new InfoElement(key, de(content, MAX_INFO_TEXT), "info", null, metadata(field));
    }

    private HiddenElement hidden(Xdf.Field field, String key) {
        JsonNode value = field.content() == null ? null : typed(field, field.content());
        if (value == null) {
            report.actionRequired(field.id(), "Verborgenes Feld „" + label(field) + "“ hat keinen verwendbaren Wert "
                    + "(inhalt); leerer Text eingesetzt – bitte Wert oder Ausdruck festlegen.");
            value = TextNode.valueOf("");
        }
        return new HiddenElement(key, de(label(field)), hint(field), value, null, null, null, null, null, null, null,
                null, metadata(field));
    }

    private Element input(Xdf.Field field, String key, boolean required, boolean readOnly) {
        JsonNode defaultValue = null;
        if (readOnly) {
            defaultValue = field.content() == null ? null : typed(field, field.content());
            if (defaultValue == null) {
                report.warning(field.id(), "Schreibgeschütztes Feld „" + label(field) + "“ hat keinen verwendbaren "
                        + "Wert (inhalt); bitte Vorgabewert ergänzen.");
            }
        }
        if (field.codeList() != null || !field.values().isEmpty()) {
            report.info(field.id(), "Codeliste/Werte eines Eingabefelds (Feldart " + field.feldart()
                    + ") nicht übernommen.");
        }
        Boolean req = required ? Boolean.TRUE : null;
        Boolean ro = readOnly ? Boolean.TRUE : null;
        Xdf.Constraints c = field.constraints();
        LocalizedText label = de(label(field));
        LocalizedText hint = hint(field);
        Map<String, String> meta = metadata(field);
        return switch (field.datentyp()) {
            case "text" -> text(field, key, label, hint, req, ro, defaultValue, meta);
            case "date" -> {
                String min = isoDate(field, "minValue", c.minValue());
                String max = isoDate(field, "maxValue", c.maxValue());
                if (min != null && max != null && LocalDate.parse(min).isAfter(LocalDate.parse(max))) {
                    report.warning(field.id(), "Datumsgrenzen " + min + " bis " + max + " widersprechen sich und "
                            + "wurden nicht übernommen.");
                    min = null;
                    max = null;
                }
                ignored(field, "ein Datum", "minLength", "maxLength", "pattern");
                yield new DateElement(key, label, hint, min, max, req, null, null, ro, defaultValue, null, null, meta);
            }
            case "bool" -> {
                ignored(field, "Ja/Nein", "minLength", "maxLength", "minValue", "maxValue", "pattern");
                yield new YesNoElement(key, label, hint, req, null, null, ro, defaultValue, null, null, meta);
            }
            case "num", "num_currency" -> {
                boolean currency = field.datentyp().equals("num_currency");
                BigDecimal min = decimal(field, "minValue", c.minValue());
                BigDecimal max = decimal(field, "maxValue", c.maxValue());
                if (min != null && max != null && min.compareTo(max) > 0) {
                    report.warning(field.id(), "Grenzen " + min + " bis " + max + " widersprechen sich und wurden "
                            + "nicht übernommen.");
                    min = null;
                    max = null;
                }
                ignored(field, currency ? "einen Geldbetrag" : "eine Zahl", "minLength", "maxLength", "pattern");
                if (currency) {
                    min = atMostTwoDecimals(field, min);
                    max = atMostTwoDecimals(field, max);
                    yield new CurrencyElement(key, label, hint, min, max, null, req, null, null, ro, defaultValue,
                            null, null, meta);
                }
                int decimals = Math.max(decimals(min), decimals(max));
                Integer scale = decimals > NumberElement.DEFAULT_SCALE ? Math.min(decimals, 10) : null;
                yield new NumberElement(key, label, hint, min, max, scale, null, req, null, null, ro, defaultValue,
                        null, null, meta);
            }
            case "num_int" -> {
                Long min = integer(field, "minValue", c.minValue());
                Long max = integer(field, "maxValue", c.maxValue());
                if (min != null && max != null && min > max) {
                    report.warning(field.id(), "Grenzen " + min + " bis " + max + " widersprechen sich und wurden "
                            + "nicht übernommen.");
                    min = null;
                    max = null;
                }
                ignored(field, "eine ganze Zahl", "minLength", "maxLength", "pattern");
                yield new IntegerElement(key, label, hint, min, max, null, req, null, null, ro, defaultValue, null,
                        null, meta);
            }
            case "file" -> file(field, key, label, hint, req, ro, meta);
            default -> {
                report.warning(field.id(), "Datentyp „" + field.datentyp() + "“ hat keine Entsprechung; als Text "
                        + "übernommen – bitte Typ prüfen.");
                yield text(field, key, label, hint, req, ro, defaultValue, meta);
            }
        };
    }

    private InputElement text(Xdf.Field field, String key, LocalizedText label, LocalizedText hint, Boolean req,
                              Boolean ro, JsonNode defaultValue, Map<String, String> meta) {
        Xdf.Constraints c = field.constraints();
        Integer min = positive(field, "minLength", c.minLength());
        Integer max = positive(field, "maxLength", c.maxLength());
        if (min != null && max != null && min > max) {
            report.warning(field.id(), "minLength " + min + " ist größer als maxLength " + max + "; minLength nicht "
                    + "übernommen.");
            min = null;
        }
        if (max == null && min != null && min > TextElement.DEFAULT_MAX_LENGTH) {
            max = Math.max(min, TextElement.MAX_MAX_LENGTH);
        }
        String pattern = pattern(field, c.pattern());
        ignored(field, "einen Text", "minValue", "maxValue");
        if (defaultValue != null && !defaultValue.isTextual()) {
            defaultValue = TextNode.valueOf(defaultValue.asText());
        }
        if (max != null && max > TextElement.MAX_MAX_LENGTH) {
            if (max > TextareaElement.MAX_MAX_LENGTH) {
                report.warning(field.id(), "maxLength " + max + " auf " + TextareaElement.MAX_MAX_LENGTH
                        + " begrenzt.");
                max = TextareaElement.MAX_MAX_LENGTH;
                min = min != null && min > max ? null : min;
            }
            report.info(field.id(), "maxLength " + max + " > " + TextElement.MAX_MAX_LENGTH
                    + " → mehrzeiliges Textfeld (textarea).");
            if (pattern != null) {
                report.warning(field.id(), "Muster „" + c.pattern() + "“ entfällt: mehrzeilige Textfelder kennen "
                        + "kein Muster.");
            }
            return new TextareaElement(key, label, hint, min, max, null, req, null, null, ro, defaultValue, null, null,
                    meta);
        }
        return new TextElement(key, label, hint, min, max, pattern, null, req, null, null, ro, defaultValue, null,
                null, meta);
    }

    private FileElement file(Xdf.Field field, String key, LocalizedText label, LocalizedText hint, Boolean req,
                             Boolean ro, Map<String, String> meta) {
        Xdf.Constraints c = field.constraints();
        ignored(field, "eine Datei", "minLength", "maxLength", "minValue", "maxValue", "pattern");
        List<String> accept = new ArrayList<>();
        for (String mediaType : field.mediaTypes()) {
            String normalized = mediaType.strip().toLowerCase(Locale.ROOT);
            if (MEDIA_TYPE.matcher(normalized).matches()) {
                if (!accept.contains(normalized)) {
                    accept.add(normalized);
                }
            } else {
                report.warning(field.id(), "Medientyp „" + mediaType + "“ ist ungültig und wurde nicht übernommen.");
            }
        }
        Integer maxSizeKb = field.maxSize();
        if (maxSizeKb != null && (maxSizeKb < 1 || maxSizeKb > FileElement.MAX_MAX_SIZE_KB)) {
            int clamped = Math.max(1, Math.min(maxSizeKb, FileElement.MAX_MAX_SIZE_KB));
            report.warning(field.id(), "maxSize " + maxSizeKb + " kB auf " + clamped + " kB begrenzt.");
            maxSizeKb = clamped;
        }
        return new FileElement(key, label, hint, accept.isEmpty() ? null : accept, maxSizeKb, null, null, req, null,
                null, ro, null, null, null, meta);
    }

    // ---- choices ------------------------------------------------------------------------------------------

    private ChoiceElement choice(Xdf.Field field, String key, boolean required, boolean readOnly) {
        List<Option> options = null;
        String listKey = null;
        int count = 0;
        if (!field.values().isEmpty()) {
            List<String[]> rows = field.values().stream().map(v -> new String[] {v.code(), v.name()}).toList();
            options = options(field, rows);
            count = options.size();
            report.info(field.id(), count + " Auswahlwerte aus <werte> übernommen.");
        } else if (field.codeList() != null) {
            Optional<CodeListFiles.Match> match = files.find(field.codeList());
            if (match.isPresent()) {
                listKey = codeList(field, match.get());
                count = listKey == null ? 0 : codeLists.get(listKey).size();
            } else {
                report.actionRequired(field.id(), "Codeliste " + field.codeList().describe() + " für Auswahlfeld „"
                        + label(field) + "“ (Schlüssel " + key + ") wurde nicht mitgeliefert: Feld ohne Optionen "
                        + "angelegt. Bitte Optionen ergänzen (oder die genericode-Datei beim Import mitgeben) – bis "
                        + "dahin kann das Formular nicht veröffentlicht werden.");
            }
        } else {
            report.actionRequired(field.id(), "Auswahlfeld „" + label(field) + "“ (Schlüssel " + key + ") hat weder "
                    + "Codeliste noch Werte: Feld ohne Optionen angelegt. Bitte Optionen ergänzen – bis dahin kann "
                    + "das Formular nicht veröffentlicht werden.");
        }
        Xdf.Constraints c = field.constraints();
        ignored(field, "eine Auswahl", "minLength", "maxLength", "minValue", "maxValue", "pattern");
        String display = count > 0 && count <= MAX_RADIO_OPTIONS ? ChoiceElement.RADIO : ChoiceElement.SELECT;
        return new ChoiceElement(key, de(label(field)), hint(field), display, options, listKey, null, null,
                required ? Boolean.TRUE : null, null, null, readOnly ? Boolean.TRUE : null, null, null, null,
                metadata(field));
    }

    /** The key of the shared code list for a genericode file (created once per file and columns). */
    private String codeList(Xdf.Field field, CodeListFiles.Match match) {
        Genericode list = match.list();
        Optional<Genericode.Column> keyColumn = list.keyColumn(field.codeKey());
        if (keyColumn.isEmpty()) {
            report.actionRequired(field.id(), "Codeliste „" + match.fileName() + "“ hat keine Spalten: Feld „"
                    + label(field) + "“ ohne Optionen angelegt. Bitte Optionen ergänzen.");
            return null;
        }
        Genericode.Column nameColumn = list.nameColumn(field.nameKey(), keyColumn.get()).orElse(keyColumn.get());
        String cacheKey = match.fileName() + "\u0000" + keyColumn.get().id() + "\u0000" + nameColumn.id();
        String existing = listKeys.get(cacheKey);
        if (existing != null) {
            report.info(field.id(), "Auswahlfeld „" + label(field) + "“ verwendet die bereits übernommene Codeliste „"
                    + existing + "“.");
            return existing;
        }
        List<String[]> rows = list.rows().stream()
                .map(row -> new String[] {row.get(keyColumn.get().id()), row.get(nameColumn.id())}).toList();
        List<Option> options = options(field, rows);
        if (options.isEmpty()) {
            report.actionRequired(field.id(), "Codeliste „" + match.fileName() + "“ enthält keine Werte: Feld „"
                    + label(field) + "“ ohne Optionen angelegt. Bitte Optionen ergänzen.");
            return null;
        }
        String listKey = listScope.allocate(Keys.elementKey(
                list.shortName() != null ? list.shortName() : list.canonicalUri(), "codeliste"));
        codeLists.put(listKey, options);
        listKeys.put(cacheKey, listKey);
        report.info(field.id(), "Codeliste „" + match.fileName() + "“ → codeLists." + listKey + " mit "
                + options.size() + " Optionen (Wert aus Spalte „" + keyColumn.get().id() + "“, Text aus Spalte „"
                + nameColumn.id() + "“).");
        if (match.otherVersion()) {
            report.warning(field.id(), "Die mitgelieferte Codeliste hat die Version " + list.version()
                    + ", das Feld verweist auf Version " + field.codeList().version() + ".");
        }
        return listKey;
    }

    /** Options from (code, name) pairs: values made valid and unique, at most {@value #MAX_OPTIONS}. */
    private List<Option> options(Xdf.Field field, List<String[]> rows) {
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> changed = new ArrayList<>();
        int dropped = 0;
        for (String[] row : rows) {
            String value = Keys.optionValue(row[0]);
            if (value == null || !seen.add(value)) {
                dropped++;
                continue;
            }
            if (!value.equals(row[0].strip())) {
                changed.add("„" + row[0] + "“ → „" + value + "“");
            }
            if (options.size() == MAX_OPTIONS) {
                report.actionRequired(field.id(), "Mehr als " + MAX_OPTIONS + " Auswahlwerte: nur die ersten "
                        + MAX_OPTIONS + " übernommen. Bitte Liste kürzen oder ein Textfeld verwenden.");
                break;
            }
            String label = row[1] == null || row[1].isBlank() ? row[0].strip() : row[1];
            options.add(new Option(value, de(label)));
        }
        if (!changed.isEmpty()) {
            report.warning(field.id(), "Codes als Optionswerte angepasst (erlaubt sind A–Z, a–z, 0–9, _ . -): "
                    + String.join(", ", changed.subList(0, Math.min(5, changed.size())))
                    + (changed.size() > 5 ? " und " + (changed.size() - 5) + " weitere" : "") + ".");
        }
        if (dropped > 0) {
            report.warning(field.id(), dropped + " Auswahlwerte ohne Code oder mit doppeltem Code nicht übernommen.");
        }
        return options;
    }

    // ---- values and constraints -----------------------------------------------------------------------

    /** The field's {@code inhalt} as a JSON value of its data type, or null (reported) when it does not fit. */
    private JsonNode typed(Xdf.Field field, String content) {
        String text = content.strip();
        try {
            return switch (field.datentyp()) {
                case "num", "num_currency" -> DecimalNode.valueOf(new BigDecimal(text.replace(',', '.')));
                case "num_int" -> LongNode.valueOf(Long.parseLong(text));
                case "bool" -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "ja", "j" -> BooleanNode.TRUE;
                    case "false", "0", "nein", "n" -> BooleanNode.FALSE;
                    default -> throw new IllegalArgumentException(text);
                };
                case "date" -> TextNode.valueOf(LocalDate.parse(text).toString());
                default -> TextNode.valueOf(text);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            report.warning(field.id(), "Inhalt „" + text + "“ passt nicht zum Datentyp " + field.datentyp()
                    + " und wurde nicht als Wert übernommen.");
            return null;
        }
    }

    private Integer positive(Xdf.Field field, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0 || (number == 0 && name.equals("maxLength"))) {
                report.warning(field.id(), name + " " + value + " ist ungültig und wurde nicht übernommen.");
                return null;
            }
            return number == 0 ? null : number;
        } catch (NumberFormatException e) {
            report.warning(field.id(), name + " „" + value + "“ ist keine ganze Zahl und wurde nicht übernommen.");
            return null;
        }
    }

    private BigDecimal decimal(Xdf.Field field, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            report.warning(field.id(), name + " „" + value + "“ ist keine Zahl und wurde nicht übernommen.");
            return null;
        }
    }

    private Long integer(Xdf.Field field, String name, String value) {
        BigDecimal decimal = decimal(field, name, value);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            report.warning(field.id(), name + " „" + value + "“ ist keine ganze Zahl und wurde nicht übernommen.");
            return null;
        }
    }

    private BigDecimal atMostTwoDecimals(Xdf.Field field, BigDecimal value) {
        if (value != null && decimals(value) > 2) {
            report.warning(field.id(), "Grenze " + value.toPlainString() + " hat mehr als zwei Nachkommastellen und "
                    + "wurde nicht übernommen.");
            return null;
        }
        return value;
    }

    private static int decimals(BigDecimal value) {
        return value == null ? 0 : Math.max(0, value.stripTrailingZeros().scale());
    }

    private String isoDate(Xdf.Field field, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            report.warning(field.id(), name + " „" + value + "“ ist kein Datum (JJJJ-MM-TT) und wurde nicht "
                    + "übernommen.");
            return null;
        }
    }

    /**
     * The pattern, anchored (XML Schema patterns always match the whole value), or null when it is no valid
     * Java regular expression.
     */
    private String pattern(Xdf.Field field, String pattern) {
        if (pattern == null) {
            return null;
        }
        String anchored = "^(?:" + pattern + ")$";
        try {
            Pattern.compile(anchored);
        } catch (PatternSyntaxException e) {
            report.warning(field.id(), "Muster „" + pattern + "“ ist kein gültiger regulärer Ausdruck und wurde nicht "
                    + "übernommen.");
            return null;
        }
        if (anchored.length() > MAX_PATTERN_LENGTH) {
            report.warning(field.id(), "Muster ist länger als " + MAX_PATTERN_LENGTH + " Zeichen und wurde nicht "
                    + "übernommen.");
            return null;
        }
        return anchored;
    }

    /** Reports the named constraints of the field that do not apply to the target type. */
    private void ignored(Xdf.Field field, String what, String... names) {
        Xdf.Constraints c = field.constraints();
        List<String> dropped = new ArrayList<>();
        for (String name : names) {
            String value = switch (name) {
                case "minLength" -> c.minLength();
                case "maxLength" -> c.maxLength();
                case "minValue" -> c.minValue();
                case "maxValue" -> c.maxValue();
                case "pattern" -> c.pattern();
                default -> throw new IllegalArgumentException(name);
            };
            if (value != null) {
                dropped.add(name + "=" + value);
            }
        }
        if (!dropped.isEmpty()) {
            report.warning(field.id(), "Präzisierung " + String.join(", ", dropped) + " gilt nicht für " + what
                    + " und wurde nicht übernommen.");
        }
    }

    // ---- texts and metadata -------------------------------------------------------------------------------

    private static String label(Xdf.Item item) {
        return item.label() != null ? item.label() : item.name();
    }

    private LocalizedText hint(Xdf.Item item) {
        return item.hint() == null ? null : de(item.hint());
    }

    private LocalizedText de(String text) {
        return de(text, MAX_TEXT);
    }

    private LocalizedText de(String text, int max) {
        if (text.length() > max) {
            report.warning("", "Text „" + text.substring(0, 40) + "…“ auf " + max + " Zeichen gekürzt.");
            text = text.substring(0, max);
        }
        return LocalizedText.de(text);
    }

    private static Map<String, String> metadata(Xdf.Item item) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("fimId", item.id());
        if (item.version() != null) {
            metadata.put("fimVersion", item.version());
        }
        return metadata;
    }

    private static String version(String version) {
        return version == null ? "" : " Version " + version;
    }
}
