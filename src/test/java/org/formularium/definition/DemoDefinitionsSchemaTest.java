package org.formularium.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.jamsesso.jsonlogic.JsonLogic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the demo form definitions in {@code forms/demo/} against the published JSON Schema of the
 * definition format ({@code schemas/form-definition-v1.json}) and proves that the schema rejects broken
 * definitions. Also cross-checks what JSON Schema cannot express (expression references, key scopes) and
 * smoke-tests the sample submissions in {@code forms/demo-submissions/} with json-logic-java.
 *
 * <p>Plain unit test: no Spring context.
 */
class DemoDefinitionsSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCHEMA = "schemas/form-definition-v1.json";
    private static final String DEMO_DIR = "forms/demo";
    private static final String SUBMISSION_DIR = "forms/demo-submissions";

    static final List<String> ALL_TYPES = List.of("text", "textarea", "number", "integer", "currency", "date",
            "email", "phone", "iban", "address", "choice", "yesno", "consent", "file", "info", "section", "group",
            "computed", "hidden");

    /** Operators of json-logic-java listed in the spec. */
    static final Set<String> SUPPORTED_OPERATORS = Set.of("var", "==", "===", "!=", "!==", "!", "!!", "and", "or",
            "if", "?:", ">", ">=", "<", "<=", "+", "-", "*", "/", "%", "min", "max", "in", "cat", "substr",
            "merge", "map", "filter", "reduce", "all", "none", "some", "missing", "missing_some", "log");

    /** Operators whose arguments after the first are evaluated against each array item, not the form data. */
    static final Set<String> ITERATING_OPERATORS = Set.of("map", "filter", "reduce", "all", "none", "some");

    static final Set<String> ADDRESS_FIELDS = Set.of("street", "houseNumber", "postalCode", "city", "country");

    private static JsonSchema schema;
    private static Map<String, JsonNode> demos;

    @BeforeAll
    static void load() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:" + SCHEMA), config);
        demos = new TreeMap<>();
        for (Path file : listJson(DEMO_DIR)) {
            demos.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
        }
    }

    // ------------------------------------------------------------------ schema and demo definitions

    @Test
    void schemaIsAValidDraft202012Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        JsonNode schemaJson = readClasspath(SCHEMA);
        assertThat(metaSchema.validate(schemaJson)).isEmpty();
        assertThat(schemaJson.path("$id").asText()).isEqualTo("https://formularium.org/schemas/form-definition-v1.json");
        assertThat(schemaJson.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void schemaDeclaresEveryObjectClosed() throws IOException {
        // every schema that describes an object with named properties must forbid other properties; the
        // element discriminator ($defs/element) is closed by the per-type schemas it applies with allOf/if/then
        List<String> open = new ArrayList<>();
        walk(readClasspath(SCHEMA), "", (path, node) -> {
            if (node.isObject() && node.has("properties") && node.path("properties").isObject()
                    && "object".equals(node.path("type").asText()) && !node.has("additionalProperties")
                    && !node.has("allOf")) {
                open.add(path);
            }
        });
        assertThat(open).as("object schemas without additionalProperties").isEmpty();
    }

    @Test
    void thereAreExactlySixDemoFormsNamedAfterTheirKeys() {
        assertThat(demos.keySet()).containsExactlyInAnyOrder("buecherwunsch.json", "fischereischein.json",
                "fundsache.json", "veranstaltung.json", "parkausweis.json", "ideen-beschwerden.json");
        demos.forEach((file, form) -> assertThat(form.path("key").asText() + ".json").isEqualTo(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void demoDefinitionIsValidAgainstTheSchema(String file) {
        Set<ValidationMessage> errors = schema.validate(demos.get(file));
        assertThat(errors).as(file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void demoDefinitionHasTwoToFivePagesTopicAndEnglishTranslations(String file) {
        JsonNode form = demos.get(file);
        assertThat(form.path("pages").size()).as(file + " pages").isBetween(2, 5);
        assertThat(form.path("topic").path("de").asText()).as(file + " topic").isNotBlank();
        assertThat(form.path("languages")).extracting(JsonNode::asText).containsExactly("de", "en");
        // every localized text (an object with "de") has a non-empty English translation
        List<String> missingEnglish = new ArrayList<>();
        walk(form, "", (path, node) -> {
            if (node.isObject() && node.has("de") && node.path("de").isTextual()
                    && node.path("en").asText("").isBlank()) {
                missingEnglish.add(path);
            }
        });
        assertThat(missingEnglish).as(file + " texts without English").isEmpty();
    }

    @Test
    void demoFormsTogetherUseEveryElementTypeAndFeature() {
        Set<String> types = new TreeSet<>();
        Set<String> features = new TreeSet<>();
        for (JsonNode form : demos.values()) {
            forEachElement(form, element -> {
                String type = element.path("type").asText();
                types.add(type);
                if ("choice".equals(type)) {
                    features.add("choice:" + element.path("display").asText());
                    features.add(element.has("codeList") ? "choice:codeList" : "choice:options");
                    if (element.has("minSelected") && element.has("maxSelected")) {
                        features.add("choice:minSelected+maxSelected");
                    }
                }
                if ("group".equals(type) && element.has("minItems") && element.has("maxItems")) {
                    features.add("group:minItems+maxItems");
                }
                if ("computed".equals(type) && "currency".equals(element.path("format").asText())) {
                    features.add("computed:currency");
                }
                for (String property : List.of("visibleIf", "requiredIf", "autocomplete", "indexed")) {
                    if (element.has(property)) {
                        features.add(property);
                    }
                }
            });
            if (form.path("rules").size() > 0) {
                features.add("rules");
            }
            if (form.path("codeLists").size() > 0) {
                features.add("codeLists");
            }
            JsonNode privacy = form.path("privacy");
            for (String property : List.of("notice", "consentRequired", "legalBasis", "purpose", "retentionDays",
                    "draftRetentionDays")) {
                if (privacy.has(property)) {
                    features.add("privacy." + property);
                }
            }
            if (form.path("confirmation").has("emailElement")) {
                features.add("confirmation.emailElement");
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(ALL_TYPES);
        assertThat(features).contains("choice:radio", "choice:select", "choice:checkboxes", "choice:options",
                "choice:codeList", "choice:minSelected+maxSelected", "group:minItems+maxItems", "computed:currency",
                "visibleIf", "requiredIf", "autocomplete", "indexed", "rules", "codeLists", "privacy.notice",
                "privacy.consentRequired", "privacy.legalBasis", "privacy.purpose", "privacy.retentionDays",
                "privacy.draftRetentionDays", "confirmation.emailElement");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void personalFieldsHaveAutocompleteAndNameEmailBirthDateAreIndexed(String file) {
        List<String> problems = new ArrayList<>();
        forEachElement(demos.get(file), element -> {
            String key = element.path("key").asText();
            String type = element.path("type").asText();
            boolean nameField = key.endsWith("first_name") || key.endsWith("last_name");
            boolean personal = nameField || "email".equals(type) || "phone".equals(type) || "date_of_birth".equals(key);
            if (personal && !element.has("autocomplete")) {
                problems.add(key + " has no autocomplete");
            }
            if ((nameField || "email".equals(type) || "date_of_birth".equals(key))
                    && !element.path("indexed").asBoolean(false)) {
                problems.add(key + " is not indexed");
            }
        });
        assertThat(problems).as(file).isEmpty();
    }

    // ------------------------------------------------------------------ the schema can fail

    /** A small valid definition, mutated by the cases below. */
    private static ObjectNode minimalForm() {
        try {
            return (ObjectNode) MAPPER.readTree("""
                    {
                      "schemaVersion": 1,
                      "key": "minimal-form",
                      "languages": ["de", "en"],
                      "title": {"de": "Minimalformular", "en": "Minimal form"},
                      "codeLists": {"farben": [{"value": "ROT", "label": {"de": "Rot"}}]},
                      "pages": [
                        {"key": "seite", "title": {"de": "Seite 1"}, "elements": [
                          {"type": "text", "key": "first_name", "label": {"de": "Vorname", "en": "First name"}},
                          {"type": "choice", "key": "farbe", "display": "radio", "codeList": "farben",
                           "label": {"de": "Farbe"}},
                          {"type": "section", "key": "abschnitt", "elements": [
                            {"type": "hidden", "key": "verfahren", "label": {"de": "Verfahren"}, "value": "X-1"}
                          ]}
                        ]}
                      ]
                    }
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode firstElement(ObjectNode form) {
        return (ObjectNode) form.path("pages").path(0).path("elements").path(0);
    }

    private static ObjectNode choiceElement(ObjectNode form) {
        return (ObjectNode) form.path("pages").path(0).path("elements").path(1);
    }

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                broken("unknown element type", "/elements/0/type",
                        f -> firstElement(f).put("type", "slider")),
                broken("missing German label", "/elements/0/label",
                        f -> firstElement(f).set("label", obj("en", "First name"))),
                broken("empty German label", "/elements/0/label/de",
                        f -> firstElement(f).set("label", obj("de", ""))),
                broken("unsupported language in text", "/elements/0/label",
                        f -> ((ObjectNode) firstElement(f).path("label")).put("fr", "Prénom")),
                broken("additional property on element", "/elements/0",
                        f -> firstElement(f).put("placeholder", "Max")),
                broken("additional property at root", "fees",
                        f -> f.put("fees", 12)),
                broken("additional property in nested hidden element", "/elements/2/elements/0",
                        f -> ((ObjectNode) f.path("pages").path(0).path("elements").path(2).path("elements").path(0))
                                .put("secret", true)),
                broken("element key with upper case and dash", "/elements/0/key",
                        f -> firstElement(f).put("key", "First-Name")),
                broken("element key starting with a digit", "/elements/0/key",
                        f -> firstElement(f).put("key", "1st_name")),
                broken("element key longer than 63 characters", "/elements/0/key",
                        f -> firstElement(f).put("key", "a".repeat(64))),
                broken("form key with upper case", "/key",
                        f -> f.put("key", "Fischereischein")),
                broken("missing element key", "/elements/0",
                        f -> firstElement(f).remove("key")),
                broken("missing label of input element", "/elements/0",
                        f -> firstElement(f).remove("label")),
                broken("text maxLength above 1000", "/elements/0/maxLength",
                        f -> firstElement(f).put("maxLength", 1001)),
                broken("schemaVersion 2", "/schemaVersion",
                        f -> f.put("schemaVersion", 2)),
                broken("languages without de", "/languages",
                        f -> f.set("languages", MAPPER.createArrayNode().add("en"))),
                broken("no pages", "/pages",
                        f -> f.set("pages", MAPPER.createArrayNode())),
                broken("choice with options and codeList", "/elements/1",
                        f -> choiceElement(f).set("options", MAPPER.createArrayNode()
                                .add(obj("value", "A").set("label", obj("de", "A"))))),
                broken("choice without options or codeList", "/elements/1",
                        f -> choiceElement(f).remove("codeList")),
                broken("minSelected on a radio choice", "/elements/1",
                        f -> choiceElement(f).put("minSelected", 1)),
                broken("option value with space", "/codeLists/farben/0/value",
                        f -> ((ObjectNode) f.path("codeLists").path("farben").path(0)).put("value", "ganz rot")),
                broken("hidden with value and expression", "/elements/2/elements/0",
                        f -> ((ObjectNode) f.path("pages").path(0).path("elements").path(2).path("elements").path(0))
                                .set("expression", obj("var", "first_name"))),
                broken("JSON Logic null", "/elements/0/visibleIf",
                        f -> firstElement(f).putNull("visibleIf")),
                broken("file maxFiles above 20", "/elements/3/maxFiles",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "file").put("key", "datei")
                                .put("maxFiles", 21).set("label", obj("de", "Datei")))),
                broken("file maxSizeKb above 51200", "/elements/3/maxSizeKb",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "file").put("key", "datei")
                                .put("maxSizeKb", 51201).set("label", obj("de", "Datei")))),
                broken("group maxItems above 100", "/elements/3/maxItems",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "group").put("key", "kinder")
                                .put("maxItems", 101).<ObjectNode>set("label", obj("de", "Kinder"))
                                .set("elements", MAPPER.createArrayNode().add(obj("type", "yesno").put("key", "x")
                                        .set("label", obj("de", "X")))))),
                broken("relative date with unknown unit", "/elements/3/maxDate",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "date").put("key", "datum")
                                .put("maxDate", "tomorrow").set("label", obj("de", "Datum")))),
                broken("consent without statement", "/elements/3",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "consent").put("key", "ok")
                                .set("label", obj("de", "Einverstanden")))),
                broken("info with a property of input elements", "/elements/3",
                        f -> f.withArray("/pages/0/elements").add(obj("type", "info").put("key", "hinweis")
                                .put("required", true).set("content", obj("de", "Hinweis")))),
                broken("privacy with unknown property", "/privacy",
                        f -> f.set("privacy", obj("retentionDays", 30).put("retention", 30))));
    }

    private static Arguments broken(String name, String expectedPathFragment, Consumer<ObjectNode> mutation) {
        return Arguments.of(name, expectedPathFragment, mutation);
    }

    @Test
    void minimalFormUsedForTheBrokenCasesIsValid() {
        assertThat(schema.validate(minimalForm())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void schemaRejectsBrokenDefinition(String name, String expectedPathFragment, Consumer<ObjectNode> mutation) {
        ObjectNode form = minimalForm();
        mutation.accept(form);
        Set<ValidationMessage> errors = schema.validate(form);
        assertThat(errors).as(name).isNotEmpty();
        assertThat(errors).as(name + ": an error at " + expectedPathFragment)
                .anySatisfy(e -> assertThat(e.getInstanceLocation() + " " + e.getMessage())
                        .contains(expectedPathFragment));
    }

    @Test
    void schemaRejectsBrokenDemoDefinitionsDeepInside() {
        // a real demo, broken inside a section on the first page
        ObjectNode form = demos.get("fischereischein.json").deepCopy();
        ObjectNode section = (ObjectNode) findElement(form, "exam_section");
        ((ObjectNode) section.path("elements").path(0)).put("type", "licence_number");
        assertThat(schema.validate(form)).isNotEmpty();

        form = demos.get("veranstaltung.json").deepCopy();
        ObjectNode group = (ObjectNode) findElement(form, "additional_dates");
        ((ObjectNode) group.path("elements").path(0).path("label")).remove("de");
        assertThat(schema.validate(form)).isNotEmpty();
    }

    // ------------------------------------------------------------------ references and scopes

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void everyVarInEveryExpressionNamesAnExistingKey(String file) {
        JsonNode form = demos.get(file);
        Scope formScope = Scope.of(form.path("pages"), null);
        List<String> problems = new ArrayList<>();
        for (JsonNode page : form.path("pages")) {
            checkExpression(page.path("visibleIf"), formScope, "page " + page.path("key").asText(), problems);
            checkElementExpressions(page.path("elements"), formScope, problems);
        }
        for (JsonNode rule : form.path("rules")) {
            String where = "rule " + rule.path("key").asText();
            checkExpression(rule.path("condition"), formScope, where, problems);
            for (JsonNode field : rule.path("fields")) {
                if (!formScope.keys.containsKey(field.asText())) {
                    problems.add(where + ": unknown field " + field.asText());
                }
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void keysAreUniquePerScopeAndReferencesResolve(String file) {
        JsonNode form = demos.get(file);
        List<String> problems = new ArrayList<>();
        // page keys share the namespace of the form-scope element keys
        Set<String> formKeys = new HashSet<>();
        for (JsonNode page : form.path("pages")) {
            if (!formKeys.add(page.path("key").asText())) {
                problems.add("duplicate page key " + page.path("key").asText());
            }
        }
        collectScopeKeys(form.path("pages"), formKeys, problems, true);
        Set<String> ruleKeys = new HashSet<>();
        for (JsonNode rule : form.path("rules")) {
            if (!ruleKeys.add(rule.path("key").asText())) {
                problems.add("duplicate rule key " + rule.path("key").asText());
            }
        }
        forEachElement(form, element -> {
            if (element.has("codeList") && !form.path("codeLists").has(element.path("codeList").asText())) {
                problems.add(element.path("key").asText() + ": unknown code list " + element.path("codeList"));
            }
            List<JsonNode> options = new ArrayList<>();
            element.path("options").forEach(options::add);
            checkUniqueValues(element.path("key").asText(), options, problems);
        });
        form.path("codeLists").fields().forEachRemaining(e -> {
            List<JsonNode> options = new ArrayList<>();
            e.getValue().forEach(options::add);
            checkUniqueValues("codeList " + e.getKey(), options, problems);
        });
        Scope formScope = Scope.of(form.path("pages"), null);
        JsonNode emailElement = form.path("confirmation").path("emailElement");
        if (!emailElement.isMissingNode()) {
            JsonNode target = formScope.keys.get(emailElement.asText());
            if (target == null || !"email".equals(target.path("type").asText())) {
                problems.add("confirmation.emailElement does not name an email element at form scope");
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void expressionsUseOnlySupportedOperatorsAndParseWithJsonLogic(String file) throws Exception {
        JsonNode form = demos.get(file);
        List<JsonNode> expressions = new ArrayList<>();
        for (JsonNode page : form.path("pages")) {
            if (page.has("visibleIf")) {
                expressions.add(page.path("visibleIf"));
            }
        }
        forEachElement(form, element -> {
            for (String property : List.of("visibleIf", "requiredIf", "expression")) {
                if (element.has(property)) {
                    expressions.add(element.path(property));
                }
            }
        });
        form.path("rules").forEach(rule -> expressions.add(rule.path("condition")));
        Set<String> operators = new TreeSet<>();
        for (JsonNode expression : expressions) {
            collectOperators(expression, operators);
            // evaluating against empty data must not fail (json-logic-java parses every operator used)
            new JsonLogic().apply(MAPPER.writeValueAsString(expression), Map.of());
        }
        assertThat(SUPPORTED_OPERATORS).as(file).containsAll(operators);
    }

    @Test
    void varCheckFindsAnUnknownKey() {
        ObjectNode form = demos.get("ideen-beschwerden.json").deepCopy();
        ((ObjectNode) findElement(form, "email")).set("visibleIf", MAPPER.createObjectNode()
                .set("==", MAPPER.createArrayNode().add(obj("var", "anonymus")).add(false)));
        List<String> problems = new ArrayList<>();
        Scope formScope = Scope.of(form.path("pages"), null);
        for (JsonNode page : form.path("pages")) {
            checkElementExpressions(page.path("elements"), formScope, problems);
        }
        assertThat(problems).singleElement().asString().contains("anonymus");
    }

    // ------------------------------------------------------------------ sample submissions

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoFiles")
    void sampleSubmissionFitsItsForm(String file) throws IOException {
        JsonNode form = demos.get(file);
        JsonNode data = readClasspath(SUBMISSION_DIR + "/" + file);
        assertThat(data.isObject()).isTrue();
        Map<String, Object> dataMap = toMap(data);
        List<String> problems = new ArrayList<>();
        Set<String> allowed = new HashSet<>();
        for (JsonNode page : form.path("pages")) {
            boolean pageVisible = !page.has("visibleIf") || truthy(page.path("visibleIf"), dataMap);
            checkData(page.path("elements"), form.path("codeLists"), data, dataMap, pageVisible, "", allowed,
                    problems);
        }
        data.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(name + ": not an answer of a visible input element");
            }
        });
        for (JsonNode rule : form.path("rules")) {
            if (!truthy(rule.path("condition"), dataMap)) {
                problems.add("rule " + rule.path("key").asText() + " is violated");
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @Test
    void computedFeesOfTheSamplesAreAsExpected() throws Exception {
        assertThat(compute("fischereischein.json", "fee")).isEqualTo(84.0);
        // two vehicles, trade, 12 months: 2 x 200
        assertThat(compute("parkausweis.json", "fee")).isEqualTo(400.0);
    }

    @Test
    void endBeforeStartViolatesTheEventRule() throws Exception {
        JsonNode rule = demos.get("veranstaltung.json").path("rules").path(0);
        Map<String, Object> data = new HashMap<>(toMap(readClasspath(SUBMISSION_DIR + "/veranstaltung.json")));
        assertThat(truthy(rule.path("condition"), data)).isTrue();
        data.put("end_date", "2027-02-12");
        assertThat(truthy(rule.path("condition"), data)).isFalse();
        data.put("end_date", "2027-02-13");
        assertThat(truthy(rule.path("condition"), data)).isTrue();
    }

    private double compute(String file, String key) throws Exception {
        JsonNode element = findElement(demos.get(file), key);
        Map<String, Object> data = toMap(readClasspath(SUBMISSION_DIR + "/" + file));
        Object value = new JsonLogic().apply(MAPPER.writeValueAsString(element.path("expression")), data);
        return ((Number) value).doubleValue();
    }

    private void checkData(JsonNode elements, JsonNode codeLists, JsonNode data, Map<String, Object> scopeData,
            boolean parentVisible, String prefix, Set<String> allowed, List<String> problems) {
        for (JsonNode element : elements) {
            String type = element.path("type").asText();
            String key = element.path("key").asText();
            String path = prefix + key;
            boolean visible = parentVisible
                    && (!element.has("visibleIf") || truthy(element.path("visibleIf"), scopeData));
            if ("section".equals(type)) {
                checkData(element.path("elements"), codeLists, data, scopeData, visible, prefix, allowed, problems);
                continue;
            }
            if ("info".equals(type) || "computed".equals(type) || "hidden".equals(type)) {
                continue; // no answer from the citizen
            }
            JsonNode value = data.get(key);
            boolean present = value != null && !value.isNull();
            if (!visible) {
                if (present) {
                    problems.add(path + ": answer present although the element is hidden");
                }
                continue;
            }
            allowed.add(key);
            boolean required = element.path("required").asBoolean(false)
                    || (element.has("requiredIf") && truthy(element.path("requiredIf"), scopeData));
            if (!present) {
                if (required) {
                    problems.add(path + ": required answer missing");
                }
                continue;
            }
            checkValue(element, value, codeLists, path, problems);
            if ("group".equals(type) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (!item.isObject()) {
                        problems.add(path + "[" + i + "]: item is not an object");
                        continue;
                    }
                    Map<String, Object> itemScope = new HashMap<>(scopeData);
                    itemScope.putAll(toMap(item)); // var looks in the item first, then at form scope
                    Set<String> itemAllowed = new HashSet<>();
                    String itemPath = path + "[" + i + "].";
                    checkData(element.path("elements"), codeLists, item, itemScope, true, itemPath, itemAllowed,
                            problems);
                    item.fieldNames().forEachRemaining(name -> {
                        if (!itemAllowed.contains(name)) {
                            problems.add(itemPath + name + ": not an answer of a visible input element");
                        }
                    });
                }
            }
        }
    }

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +\\-/()]{5,25}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private void checkValue(JsonNode element, JsonNode value, JsonNode codeLists, String path,
            List<String> problems) {
        String type = element.path("type").asText();
        Consumer<String> problem = message -> problems.add(path + ": " + message);
        switch (type) {
            case "text", "textarea" -> {
                if (!value.isTextual()) {
                    problem.accept("not a string");
                    return;
                }
                int length = value.asText().codePointCount(0, value.asText().length());
                int max = element.path("maxLength").asInt("text".equals(type) ? 200 : 4000);
                if (length > max || length < element.path("minLength").asInt(0)) {
                    problem.accept("length " + length + " outside bounds");
                }
                if (element.has("pattern") && !Pattern.compile(element.path("pattern").asText())
                        .matcher(value.asText()).matches()) {
                    problem.accept("does not match " + element.path("pattern").asText());
                }
            }
            case "email" -> {
                if (!value.isTextual() || !EMAIL.matcher(value.asText()).matches()) {
                    problem.accept("not an e-mail address");
                }
            }
            case "phone" -> {
                if (!value.isTextual() || !PHONE.matcher(value.asText()).matches()
                        || value.asText().chars().filter(Character::isDigit).count() < 5) {
                    problem.accept("not a phone number");
                }
            }
            case "iban" -> {
                if (!value.isTextual() || !value.asText().matches("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")
                        || !ibanChecksumOk(value.asText())) {
                    problem.accept("not a normalised IBAN with valid checksum");
                }
            }
            case "number", "integer", "currency" -> {
                if (!value.isNumber() || ("integer".equals(type) && !value.isIntegralNumber())) {
                    problem.accept("not a " + type);
                    return;
                }
                if ("currency".equals(type) && value.decimalValue().stripTrailingZeros().scale() > 2) {
                    problem.accept("more than 2 decimals");
                }
                if ("number".equals(type)
                        && value.decimalValue().stripTrailingZeros().scale() > element.path("scale").asInt(2)) {
                    problem.accept("too many decimals");
                }
                if ((element.has("min") && value.doubleValue() < element.path("min").doubleValue())
                        || (element.has("max") && value.doubleValue() > element.path("max").doubleValue())) {
                    problem.accept("outside min/max");
                }
            }
            case "date" -> {
                if (!value.isTextual() || !DATE.matcher(value.asText()).matches()) {
                    problem.accept("not YYYY-MM-DD");
                    return;
                }
                LocalDate.parse(value.asText());
            }
            case "address" -> {
                Set<String> fields = new TreeSet<>();
                value.fieldNames().forEachRemaining(fields::add);
                if (!fields.equals(new TreeSet<>(ADDRESS_FIELDS))) {
                    problem.accept("address fields " + fields);
                    return;
                }
                value.forEach(f -> {
                    if (!f.isTextual()) {
                        problem.accept("address field not a string");
                    }
                });
                if ("DE".equals(value.path("country").asText()) && !value.path("postalCode").asText().matches("\\d{5}")) {
                    problem.accept("German postal code must have 5 digits");
                }
                if (element.path("requireHouseNumber").asBoolean(true) && value.path("houseNumber").asText().isBlank()) {
                    problem.accept("house number missing");
                }
            }
            case "choice" -> {
                Set<String> values = optionValues(element, codeLists);
                if ("checkboxes".equals(element.path("display").asText())) {
                    if (!value.isArray()) {
                        problem.accept("checkbox answer is not an array");
                        return;
                    }
                    Set<String> chosen = new HashSet<>();
                    value.forEach(v -> {
                        if (!values.contains(v.asText()) || !chosen.add(v.asText())) {
                            problem.accept("unknown or repeated option " + v);
                        }
                    });
                    if (value.size() < element.path("minSelected").asInt(0)
                            || value.size() > element.path("maxSelected").asInt(Integer.MAX_VALUE)) {
                        problem.accept("number of selected options outside bounds");
                    }
                } else if (!value.isTextual() || !values.contains(value.asText())) {
                    problem.accept("unknown option " + value);
                }
            }
            case "yesno" -> {
                if (!value.isBoolean()) {
                    problem.accept("not a boolean");
                }
            }
            case "consent" -> {
                if (!value.isBoolean() || !value.asBoolean()) {
                    problem.accept("consent must be true");
                }
            }
            case "file" -> {
                if (!value.isArray()) {
                    problem.accept("not an array of files");
                    return;
                }
                Set<String> accept = new HashSet<>();
                element.path("accept").forEach(a -> accept.add(a.asText()));
                if (accept.isEmpty()) {
                    accept.addAll(List.of("application/pdf", "image/jpeg", "image/png"));
                }
                if (value.size() > element.path("maxFiles").asInt(1)) {
                    problem.accept("too many files");
                }
                for (JsonNode f : value) {
                    Set<String> fields = new TreeSet<>();
                    f.fieldNames().forEachRemaining(fields::add);
                    if (!fields.equals(new TreeSet<>(Set.of("id", "name", "size", "mediaType", "sha256")))
                            || !f.path("size").isIntegralNumber()
                            || f.path("size").asLong() > element.path("maxSizeKb").asLong(10240) * 1024
                            || !accept.contains(f.path("mediaType").asText())
                            || !SHA256.matcher(f.path("sha256").asText()).matches()) {
                        problem.accept("invalid file entry " + f);
                    }
                }
            }
            case "group" -> {
                if (!value.isArray() || value.size() < element.path("minItems").asInt(0)
                        || value.size() > element.path("maxItems").asInt(10)) {
                    problem.accept("group answer is not an array within minItems/maxItems");
                }
            }
            default -> problem.accept("unexpected answer for type " + type);
        }
    }

    private static Set<String> optionValues(JsonNode choice, JsonNode codeLists) {
        Set<String> values = new HashSet<>();
        JsonNode options = choice.has("options") ? choice.path("options")
                : codeLists.path(choice.path("codeList").asText());
        options.forEach(o -> values.add(o.path("value").asText()));
        return values;
    }

    private static boolean ibanChecksumOk(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean truthy(JsonNode expression, Map<String, Object> data) {
        try {
            return JsonLogic.truthy(new JsonLogic().apply(MAPPER.writeValueAsString(expression), data));
        } catch (Exception e) {
            fail("cannot evaluate " + expression + ": " + e);
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, LinkedHashMap.class);
    }

    // ------------------------------------------------------------------ expression reference checking

    /** The keys visible to expressions at one scope: its own keys, then the parent's. */
    private static final class Scope {
        final Map<String, JsonNode> keys = new LinkedHashMap<>();
        final Scope parent;

        private Scope(Scope parent) {
            this.parent = parent;
        }

        /** Collects the data keys of a list of pages or elements; sections are transparent, groups are not. */
        static Scope of(JsonNode pagesOrElements, Scope parent) {
            Scope scope = new Scope(parent);
            for (JsonNode node : pagesOrElements) {
                if (node.has("type")) {
                    scope.add(node);
                } else {
                    node.path("elements").forEach(scope::add);
                }
            }
            return scope;
        }

        private void add(JsonNode element) {
            String type = element.path("type").asText();
            if ("section".equals(type)) {
                element.path("elements").forEach(this::add);
            } else if (!"info".equals(type)) {
                keys.put(element.path("key").asText(), element);
            }
        }

        boolean resolves(String path) {
            String[] parts = path.split("\\.", -1);
            JsonNode element = lookup(parts[0]);
            if (element == null) {
                return false;
            }
            if (parts.length == 1) {
                return true;
            }
            return parts.length == 2 && "address".equals(element.path("type").asText())
                    && ADDRESS_FIELDS.contains(parts[1]);
        }

        private JsonNode lookup(String key) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.keys.containsKey(key)) {
                    return s.keys.get(key);
                }
            }
            return null;
        }
    }

    private void checkElementExpressions(JsonNode elements, Scope scope, List<String> problems) {
        for (JsonNode element : elements) {
            String where = "element " + element.path("key").asText();
            for (String property : List.of("visibleIf", "requiredIf", "expression")) {
                checkExpression(element.path(property), scope, where + "." + property, problems);
            }
            switch (element.path("type").asText()) {
                case "section" -> checkElementExpressions(element.path("elements"), scope, problems);
                case "group" -> checkElementExpressions(element.path("elements"),
                        Scope.of(element.path("elements"), scope), problems);
                default -> {
                }
            }
        }
    }

    private static void checkExpression(JsonNode expression, Scope scope, String where, List<String> problems) {
        if (expression.isMissingNode()) {
            return;
        }
        for (String name : referencedNames(expression)) {
            if (!scope.resolves(name)) {
                problems.add(where + ": unknown variable '" + name + "'");
            }
        }
    }

    /** Names read by var, missing and missing_some, outside the item-relative arguments of iterating operators. */
    static Set<String> referencedNames(JsonNode expression) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(expression, names);
        return names;
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(n -> collectNames(n, names));
            return;
        }
        if (!node.isObject() || node.size() != 1) {
            return;
        }
        Map.Entry<String, JsonNode> op = node.fields().next();
        JsonNode args = op.getValue();
        switch (op.getKey()) {
            case "var" -> {
                JsonNode name = args.isArray() ? args.path(0) : args;
                if (name.isTextual()) {
                    if (!name.asText().isEmpty()) {
                        names.add(name.asText());
                    }
                } else {
                    collectNames(name, names);
                }
                if (args.isArray() && args.size() > 1) {
                    collectNames(args.get(1), names); // default value
                }
            }
            case "missing" -> (args.isArray() ? args : JsonNodeFactory.instance.arrayNode().add(args))
                    .forEach(a -> {
                        if (a.isTextual()) {
                            names.add(a.asText());
                        } else {
                            collectNames(a, names);
                        }
                    });
            case "missing_some" -> args.path(1).forEach(a -> names.add(a.asText()));
            default -> {
                if (ITERATING_OPERATORS.contains(op.getKey())) {
                    collectNames(args.isArray() ? args.path(0) : args, names);
                } else {
                    collectNames(args, names);
                }
            }
        }
    }

    private static void collectOperators(JsonNode node, Set<String> operators) {
        if (node.isArray()) {
            node.forEach(n -> collectOperators(n, operators));
        } else if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> op = node.fields().next();
            operators.add(op.getKey());
            collectOperators(op.getValue(), operators);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void collectScopeKeys(JsonNode pagesOrElements, Set<String> keys, List<String> problems,
            boolean pages) {
        for (JsonNode node : pagesOrElements) {
            if (pages) {
                collectScopeKeys(node.path("elements"), keys, problems, false);
                continue;
            }
            String key = node.path("key").asText();
            if (!keys.add(key)) {
                problems.add("duplicate key " + key);
            }
            switch (node.path("type").asText()) {
                case "section" -> collectScopeKeys(node.path("elements"), keys, problems, false);
                case "group" -> collectScopeKeys(node.path("elements"), new HashSet<>(), problems, false);
                default -> {
                }
            }
        }
    }

    private static void checkUniqueValues(String where, List<JsonNode> options, List<String> problems) {
        Set<String> values = new HashSet<>();
        for (JsonNode option : options) {
            if (!values.add(option.path("value").asText())) {
                problems.add(where + ": duplicate option value " + option.path("value").asText());
            }
        }
    }

    /** Calls the consumer for every element of the form, depth first, including nested ones. */
    static void forEachElement(JsonNode form, Consumer<JsonNode> consumer) {
        for (JsonNode page : form.path("pages")) {
            forEachElementIn(page.path("elements"), consumer);
        }
    }

    private static void forEachElementIn(JsonNode elements, Consumer<JsonNode> consumer) {
        for (JsonNode element : elements) {
            consumer.accept(element);
            if (element.has("elements")) {
                forEachElementIn(element.path("elements"), consumer);
            }
        }
    }

    private static JsonNode findElement(JsonNode form, String key) {
        List<JsonNode> found = new ArrayList<>();
        forEachElement(form, e -> {
            if (key.equals(e.path("key").asText())) {
                found.add(e);
            }
        });
        assertThat(found).as("element " + key).hasSize(1);
        return found.get(0);
    }

    private interface NodeVisitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(JsonNode node, String path, NodeVisitor visitor) {
        visitor.visit(path, node);
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "/" + field.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    private static ObjectNode obj(String name, String value) {
        return MAPPER.createObjectNode().put(name, value);
    }

    private static ObjectNode obj(String name, int value) {
        return MAPPER.createObjectNode().put(name, value);
    }

    static Stream<String> demoFiles() throws IOException {
        return listJson(DEMO_DIR).stream().map(p -> p.getFileName().toString());
    }

    private static List<Path> listJson(String classpathDir) throws IOException {
        URL url = DemoDefinitionsSchemaTest.class.getClassLoader().getResource(classpathDir);
        assertThat(url).as(classpathDir + " on the classpath").isNotNull();
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readClasspath(String resource) throws IOException {
        try (InputStream in = DemoDefinitionsSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
