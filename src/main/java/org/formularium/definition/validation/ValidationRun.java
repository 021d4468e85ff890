package org.formularium.definition.validation;

import static org.formularium.definition.validation.DefinitionProblemCode.DUPLICATE_KEY;
import static org.formularium.definition.validation.DefinitionProblemCode.DUPLICATE_OPTION;
import static org.formularium.definition.validation.DefinitionProblemCode.INVALID_KEY;
import static org.formularium.definition.validation.DefinitionProblemCode.INVALID_VALUE;
import static org.formularium.definition.validation.DefinitionProblemCode.MISSING_OPTIONS;
import static org.formularium.definition.validation.DefinitionProblemCode.MISSING_PROPERTY;
import static org.formularium.definition.validation.DefinitionProblemCode.MISSING_TRANSLATION;
import static org.formularium.definition.validation.DefinitionProblemCode.NESTING_TOO_DEEP;
import static org.formularium.definition.validation.DefinitionProblemCode.OPTION_WITHOUT_VALUE;
import static org.formularium.definition.validation.DefinitionProblemCode.TEXT_TOO_LONG;
import static org.formularium.definition.validation.DefinitionProblemCode.TOO_MANY_INPUTS;
import static org.formularium.definition.validation.DefinitionProblemCode.TOO_MANY_OPTIONS;
import static org.formularium.definition.validation.DefinitionProblemCode.TOO_MANY_PAGES;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_ELEMENT_TYPE;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_LANGUAGE;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_PROPERTY;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_REFERENCE;
import static org.formularium.definition.validation.DefinitionProblemCode.UNSUPPORTED_SCHEMA_VERSION;
import static org.formularium.definition.validation.Paths.index;
import static org.formularium.definition.validation.Paths.property;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.formularium.definition.model.Confirmation;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.Privacy;
import org.formularium.definition.model.Rule;

/** One walk over a raw definition tree; collects every problem it finds. */
final class ValidationRun {

    static final Pattern FORM_KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    static final Pattern ELEMENT_KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final Set<String> ALLOWED_LANGUAGES = Set.of("de", "en");
    static final int MAX_PAGES = 50;
    static final int MAX_INPUTS = 500;
    static final int MAX_OPTIONS = 500;
    static final int MAX_CONTAINER_DEPTH = 3;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_CONTENT_LENGTH = 20_000;

    final Problems problems = new Problems();
    final Scope formScope = new Scope(null);
    final List<PendingExpression> expressions = new ArrayList<>();
    private final ElementConstraints constraints = new ElementConstraints(this);
    private final List<String> languages = new ArrayList<>(List.of("de"));
    private final Set<String> codeListKeys = new HashSet<>();
    private int inputCount;

    /** An expression to check once every key is known. */
    record PendingExpression(String path, JsonNode node, Scope scope, Scope.Entry owner) {
    }

    List<DefinitionProblem> run(JsonNode root) {
        if (!root.isObject()) {
            problems.wrongType("", "a JSON object", root);
            return problems.list();
        }
        collectLanguages(root.get("languages"));
        JsonNode codeLists = root.get("codeLists");
        if (codeLists != null && codeLists.isObject()) {
            codeLists.fieldNames().forEachRemaining(codeListKeys::add);
        }
        Map<String, PropertyKind> kinds = properties(root, "", FormDefinition.class,
                List.of("schemaVersion", "key", "languages", "title", "pages"));
        checkSchemaVersion(root.get("schemaVersion"));
        checkFormKey(root.get("key"));
        checkLanguages(root.get("languages"));
        if (kinds.containsKey("pages")) {
            checkPages(root.get("pages"));
        }
        if (kinds.containsKey("rules")) {
            checkRules(root.get("rules"));
        }
        if (kinds.containsKey("codeLists")) {
            checkCodeLists(root.get("codeLists"));
        }
        if (kinds.containsKey("privacy")) {
            checkPrivacy(root.get("privacy"));
        }
        if (kinds.containsKey("confirmation")) {
            checkConfirmation(root.get("confirmation"));
        }
        new ReferenceCheck(this).run();
        return problems.list();
    }

    // ---- generic property checks -------------------------------------------------------------------

    /**
     * Checks an object against a model record: unknown and missing properties, JSON types, texts and
     * expressions. Returns the properties present with the right JSON type (their deeper checks are the
     * caller's).
     */
    Map<String, PropertyKind> properties(JsonNode node, String path, Class<?> recordClass, List<String> required) {
        return properties(node, path, recordClass, required, Set.of(), null, null);
    }

    Map<String, PropertyKind> properties(JsonNode node, String path, Class<?> recordClass, List<String> required,
                                         Set<String> ignored, Scope scope, Scope.Entry owner) {
        Map<String, PropertyKind> kinds = PropertyKind.of(recordClass);
        Map<String, PropertyKind> present = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String fieldPath = property(path, name);
            if (ignored.contains(name)) {
                continue;
            }
            PropertyKind kind = kinds.get(name);
            if (kind == null) {
                problems.add(fieldPath, UNKNOWN_PROPERTY, "The property '" + name + "' is not part of the format here.");
                continue;
            }
            JsonNode value = field.getValue();
            if (!kind.accepts(value) || (value.isNull() && kind != PropertyKind.ANY)) {
                problems.wrongType(fieldPath, kind.description(), value);
                continue;
            }
            present.put(name, kind);
            switch (kind) {
                case TEXT -> text(value, fieldPath, "content".equals(name) ? MAX_CONTENT_LENGTH : MAX_TEXT_LENGTH);
                case INT -> {
                    if (value.intValue() < 0 && !"schemaVersion".equals(name)) {
                        problems.add(fieldPath, INVALID_VALUE, "'" + name + "' must not be negative.");
                    }
                }
                case STRING_LIST -> stringList(value, fieldPath);
                case STRING_MAP -> stringMap(value, fieldPath);
                case LOGIC -> expressions.add(new PendingExpression(fieldPath, value,
                        scope == null ? formScope : scope, "expression".equals(name) ? owner : null));
                default -> {
                }
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                problems.add(property(path, name), MISSING_PROPERTY, "The property '" + name + "' is required.");
            }
        }
        return present;
    }

    /** Checks a localized text: German and every listed language present, no other languages, lengths. */
    void text(JsonNode text, String path, int maxLength) {
        Iterator<Map.Entry<String, JsonNode>> entries = text.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String languagePath = property(path, entry.getKey());
            if (!languages.contains(entry.getKey())) {
                problems.add(languagePath, UNKNOWN_LANGUAGE, "The language '" + entry.getKey()
                        + "' is not listed in 'languages'.");
            }
            if (!entry.getValue().isTextual()) {
                problems.wrongType(languagePath, "a string", entry.getValue());
            } else if (entry.getValue().asText().length() > maxLength) {
                problems.add(languagePath, TEXT_TOO_LONG, "The text has " + entry.getValue().asText().length()
                        + " characters; at most " + maxLength + " are allowed.");
            }
        }
        for (String language : languages) {
            JsonNode translation = text.get(language);
            if (translation == null || (translation.isTextual() && translation.asText().isBlank())) {
                problems.add(property(path, language), MISSING_TRANSLATION, "de".equals(language)
                        ? "The German text is missing."
                        : "The text in '" + language + "' is missing although the form lists that language.");
            }
        }
    }

    private void stringList(JsonNode list, String path) {
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                problems.wrongType(index(path, i), "a string", list.get(i));
            }
        }
    }

    private void stringMap(JsonNode map, String path) {
        map.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                problems.wrongType(property(path, entry.getKey()), "a string", entry.getValue());
            }
        });
    }

    // ---- form --------------------------------------------------------------------------------------

    private void collectLanguages(JsonNode node) {
        if (node != null && node.isArray()) {
            node.forEach(language -> {
                if (language.isTextual() && ALLOWED_LANGUAGES.contains(language.asText())
                        && !languages.contains(language.asText())) {
                    languages.add(language.asText());
                }
            });
        }
    }

    private void checkSchemaVersion(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.asLong() != FormDefinition.SCHEMA_VERSION) {
            problems.add("schemaVersion", UNSUPPORTED_SCHEMA_VERSION, "Schema version " + node.asText()
                    + " is not supported; this version reads schema version " + FormDefinition.SCHEMA_VERSION + ".");
        }
    }

    private void checkFormKey(JsonNode node) {
        if (node != null && node.isTextual() && !FORM_KEY.matcher(node.asText()).matches()) {
            problems.add("key", INVALID_KEY, "The form key '" + node.asText()
                    + "' must be 2 to 63 lower-case letters, digits or hyphens, starting with a letter.");
        }
    }

    private void checkLanguages(JsonNode node) {
        if (node == null || !node.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode language = node.get(i);
            if (!language.isTextual()) {
                continue;
            }
            if (!ALLOWED_LANGUAGES.contains(language.asText())) {
                problems.add(index("languages", i), UNKNOWN_LANGUAGE, "The language '" + language.asText()
                        + "' is not supported; use " + String.join(" or ", new java.util.TreeSet<>(ALLOWED_LANGUAGES)) + ".");
            } else if (!seen.add(language.asText())) {
                problems.add(index("languages", i), INVALID_VALUE, "The language '" + language.asText()
                        + "' is listed twice.");
            }
        }
        if (!seen.contains("de")) {
            problems.add("languages", INVALID_VALUE, "The languages must include German ('de').");
        }
    }

    private void checkPages(JsonNode pages) {
        if (pages.isEmpty()) {
            problems.add("pages", INVALID_VALUE, "A form needs at least one page.");
        }
        if (pages.size() > MAX_PAGES) {
            problems.add("pages", TOO_MANY_PAGES, "The form has " + pages.size() + " pages; at most "
                    + MAX_PAGES + " are allowed.");
        }
        for (int i = 0; i < pages.size(); i++) {
            String path = index("pages", i);
            JsonNode page = pages.get(i);
            if (!page.isObject()) {
                problems.wrongType(path, "a page object", page);
                continue;
            }
            Map<String, PropertyKind> present = properties(page, path, Page.class, List.of("key", "title", "elements"));
            if (present.containsKey("key")) {
                key(page.get("key"), path, formScope, null, page);
            }
            if (present.containsKey("elements")) {
                elements(page.get("elements"), property(path, "elements"), formScope, 0);
            }
        }
    }

    /** Checks a key's pattern and registers it in the scope. */
    void key(JsonNode key, String ownerPath, Scope scope, ElementType type, JsonNode owner) {
        String path = property(ownerPath, "key");
        String text = key.asText();
        if (!ELEMENT_KEY.matcher(text).matches()) {
            problems.add(path, INVALID_KEY, "The key '" + text
                    + "' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter.");
            return;
        }
        if (!scope.add(new Scope.Entry(text, type, ownerPath, owner, scope))) {
            problems.add(path, DUPLICATE_KEY, "The key '" + text + "' is already used by "
                    + scope.local(text).path() + ".");
        }
    }

    // ---- elements ----------------------------------------------------------------------------------

    /** Checks the elements of one array; {@code depth} counts the containers around them below the page. */
    void elements(JsonNode elements, String path, Scope scope, int depth) {
        for (int i = 0; i < elements.size(); i++) {
            element(elements.get(i), index(path, i), scope, depth);
        }
    }

    private void element(JsonNode element, String path, Scope scope, int depth) {
        if (!element.isObject()) {
            problems.wrongType(path, "an element object", element);
            return;
        }
        JsonNode typeNode = element.get("type");
        if (typeNode == null) {
            problems.add(property(path, "type"), MISSING_PROPERTY, "The property 'type' is required.");
            return;
        }
        if (!typeNode.isTextual()) {
            problems.wrongType(property(path, "type"), "a string", typeNode);
            return;
        }
        ElementType type = ElementType.fromJsonName(typeNode.asText()).orElse(null);
        if (type == null) {
            problems.add(property(path, "type"), UNKNOWN_ELEMENT_TYPE, "The element type '" + typeNode.asText()
                    + "' does not exist.");
            return;
        }
        Scope.Entry self = null;
        JsonNode key = element.get("key");
        if (key != null && key.isTextual()) {
            key(key, path, scope, type, element);
            self = scope.local(key.asText());
            if (self != null && self.node() != element) {
                self = null;
            }
        }
        if (type.isInput() && ++inputCount == MAX_INPUTS + 1) {
            problems.add(path, TOO_MANY_INPUTS, "The form has more than " + MAX_INPUTS + " input elements.");
        }
        Map<String, PropertyKind> present = properties(element, path, type.recordClass(), type.requiredProperties(),
                Set.of("type"), scope, self);
        constraints.check(type, element, path, present);
        if (type.isContainer() && present.containsKey("elements")) {
            if (depth + 1 > MAX_CONTAINER_DEPTH) {
                problems.add(path, NESTING_TOO_DEEP, "Sections and groups may be nested at most "
                        + MAX_CONTAINER_DEPTH + " levels deep below a page.");
                return;
            }
            Scope inner = type == ElementType.GROUP ? new Scope(scope) : scope;
            elements(element.get("elements"), property(path, "elements"), inner, depth + 1);
        }
    }

    boolean knowsCodeList(String key) {
        return codeListKeys.contains(key);
    }

    /** Checks an option list: not empty, not too long, each option with a unique, well-formed value. */
    void options(JsonNode options, String path) {
        if (options.isEmpty()) {
            problems.add(path, MISSING_OPTIONS, "The option list is empty.");
        }
        if (options.size() > MAX_OPTIONS) {
            problems.add(path, TOO_MANY_OPTIONS, "The list has " + options.size() + " options; at most "
                    + MAX_OPTIONS + " are allowed.");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String optionPath = index(path, i);
            JsonNode option = options.get(i);
            if (!option.isObject()) {
                problems.wrongType(optionPath, "an option object", option);
                continue;
            }
            if (!option.has("value")) {
                problems.add(property(optionPath, "value"), OPTION_WITHOUT_VALUE, "The option has no value.");
            }
            Map<String, PropertyKind> present = properties(option, optionPath, Option.class, List.of("label"));
            if (!present.containsKey("value")) {
                continue;
            }
            String value = option.get("value").asText();
            if (!OPTION_VALUE.matcher(value).matches()) {
                problems.add(property(optionPath, "value"), INVALID_VALUE, "The option value '" + value
                        + "' must be 1 to 64 letters, digits, '_', '.' or '-'.");
            } else if (!values.add(value)) {
                problems.add(property(optionPath, "value"), DUPLICATE_OPTION, "The option value '" + value
                        + "' is used twice in this list.");
            }
        }
    }

    // ---- rules, code lists, privacy, confirmation --------------------------------------------------

    private void checkRules(JsonNode rules) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = index("rules", i);
            JsonNode rule = rules.get(i);
            if (!rule.isObject()) {
                problems.wrongType(path, "a rule object", rule);
                continue;
            }
            Map<String, PropertyKind> present = properties(rule, path, Rule.class, List.of("key", "condition", "message"));
            if (present.containsKey("key")) {
                String key = rule.get("key").asText();
                if (!ELEMENT_KEY.matcher(key).matches()) {
                    problems.add(property(path, "key"), INVALID_KEY, "The rule key '" + key
                            + "' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter.");
                } else if (!keys.add(key)) {
                    problems.add(property(path, "key"), DUPLICATE_KEY, "The rule key '" + key + "' is used twice.");
                }
            }
            if (present.containsKey("fields")) {
                JsonNode fields = rule.get("fields");
                for (int f = 0; f < fields.size(); f++) {
                    if (fields.get(f).isTextual()) {
                        reference(fields.get(f).asText(), index(property(path, "fields"), f), "field");
                    }
                }
            }
        }
    }

    private void reference(String key, String path, String what) {
        Scope.Entry entry = formScope.local(key);
        if (entry == null || !entry.holdsData()) {
            problems.add(path, UNKNOWN_REFERENCE, "The " + what + " '" + key
                    + "' names no input element at form scope.");
        }
    }

    private void checkCodeLists(JsonNode codeLists) {
        codeLists.fields().forEachRemaining(entry -> {
            String path = property("codeLists", entry.getKey());
            if (!ELEMENT_KEY.matcher(entry.getKey()).matches()) {
                problems.add(path, INVALID_KEY, "The code list key '" + entry.getKey()
                        + "' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter.");
            }
            if (!entry.getValue().isArray()) {
                problems.wrongType(path, PropertyKind.OPTIONS.description(), entry.getValue());
            } else {
                options(entry.getValue(), path);
            }
        });
    }

    private void checkPrivacy(JsonNode privacy) {
        Map<String, PropertyKind> present = properties(privacy, "privacy", Privacy.class, List.of("notice"));
        for (String days : List.of("retentionDays", "draftRetentionDays")) {
            if (present.containsKey(days) && privacy.get(days).intValue() < 1) {
                problems.add(property("privacy", days), INVALID_VALUE, "'" + days + "' must be at least 1.");
            }
        }
    }

    private void checkConfirmation(JsonNode confirmation) {
        Map<String, PropertyKind> present = properties(confirmation, "confirmation", Confirmation.class, List.of());
        if (present.containsKey("emailElement")) {
            String key = confirmation.get("emailElement").asText();
            String path = "confirmation.emailElement";
            Scope.Entry entry = formScope.local(key);
            if (entry == null || !entry.holdsData()) {
                problems.add(path, UNKNOWN_REFERENCE, "The e-mail element '" + key
                        + "' names no input element at form scope.");
            } else if (entry.type() != ElementType.EMAIL) {
                problems.add(path, INVALID_VALUE, "The e-mail element '" + key + "' is a "
                        + entry.type().jsonName() + " element, not an email element.");
            }
        }
    }
}
