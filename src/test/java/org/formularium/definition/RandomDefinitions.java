package org.formularium.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random VALID form definitions as JSON trees, covering every element type and every optional property.
 * Keys are unique by construction; expressions read only the form-scope element {@code anchor}.
 */
public final class RandomDefinitions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final List<String> TYPES = List.of("text", "textarea", "number", "integer", "currency", "date",
            "email", "phone", "iban", "address", "choice", "yesno", "consent", "file", "info", "section", "group",
            "computed", "hidden");
    private static final List<String> EXPRESSIONS = List.of("{\"==\": [1, 1]}", "{\"!!\": [{\"var\": \"anchor\"}]}",
            "{\"and\": [true, {\"var\": \"anchor\"}]}", "true", "{\"if\": [{\"var\": \"anchor\"}, 1, 2]}",
            "{\"+\": [1, 2.5]}", "{\"cat\": [\"a\", {\"var\": \"anchor\"}]}", "{\"in\": [\"x\", [\"x\", \"y\"]]}");

    private final Random random;
    private final List<String> languages;
    private int keyCounter;
    private int inputs;

    private RandomDefinitions(Random random) {
        this.random = random;
        this.languages = random.nextBoolean() ? List.of("de") : List.of("de", "en");
    }

    /** Valid definitions as trees. */
    public static Arbitrary<ObjectNode> trees() {
        return Arbitraries.randomValue(random -> new RandomDefinitions(random).form());
    }

    private ObjectNode form() {
        ObjectNode form = NODES.objectNode();
        form.put("schemaVersion", 1);
        form.put("key", "form-" + random.nextInt(1000));
        ArrayNode languageArray = form.putArray("languages");
        languages.forEach(languageArray::add);
        form.set("title", text());
        maybe(form, "description", this::text);
        maybe(form, "topic", this::text);
        ArrayNode pages = form.putArray("pages");
        int pageCount = 1 + random.nextInt(3);
        for (int p = 0; p < pageCount; p++) {
            ObjectNode page = pages.addObject();
            page.put("key", nextKey());
            page.set("title", text());
            maybe(page, "description", this::text);
            maybe(page, "visibleIf", this::expression);
            ArrayNode elements = page.putArray("elements");
            if (p == 0) {
                elements.add(anchor());
            }
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                elements.add(element(0));
            }
        }
        if (random.nextBoolean()) {
            ArrayNode rules = form.putArray("rules");
            ObjectNode rule = rules.addObject();
            rule.put("key", "rule_" + random.nextInt(100));
            rule.set("condition", expression());
            rule.set("message", text());
            if (random.nextBoolean()) {
                rule.putArray("fields").add("anchor");
            }
        }
        ObjectNode codeLists = form.putObject("codeLists");
        codeLists.set("colours", options());
        if (random.nextBoolean()) {
            ObjectNode privacy = form.putObject("privacy");
            privacy.set("notice", text());
            maybe(privacy, "consentRequired", () -> NODES.booleanNode(random.nextBoolean()));
            maybe(privacy, "controller", this::text);
            maybe(privacy, "legalBasis", this::text);
            maybe(privacy, "purpose", this::text);
            maybe(privacy, "retentionDays", () -> NODES.numberNode(1 + random.nextInt(3650)));
            maybe(privacy, "draftRetentionDays", () -> NODES.numberNode(1 + random.nextInt(90)));
        }
        if (random.nextBoolean()) {
            ObjectNode confirmation = form.putObject("confirmation");
            maybe(confirmation, "text", this::text);
            maybe(confirmation, "attachPdf", () -> NODES.booleanNode(random.nextBoolean()));
        }
        maybe(form, "metadata", this::metadata);
        return form;
    }

    private ObjectNode anchor() {
        ObjectNode anchor = NODES.objectNode();
        anchor.put("type", "text");
        anchor.put("key", "anchor");
        anchor.set("label", text());
        inputs++;
        return anchor;
    }

    private ObjectNode element(int depth) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        if (depth >= 3 && ("section".equals(type) || "group".equals(type))) {
            type = "yesno";
        }
        ObjectNode e = NODES.objectNode();
        e.put("type", type);
        e.put("key", nextKey());
        boolean input = !"info".equals(type) && !"section".equals(type);
        if (input) {
            inputs++;
            e.set("label", text());
            maybe(e, "hint", this::text);
        }
        switch (type) {
            case "text" -> {
                int max = 10 + random.nextInt(990);
                maybe(e, "minLength", () -> NODES.numberNode(random.nextInt(10)));
                maybe(e, "maxLength", () -> NODES.numberNode(max));
                maybe(e, "pattern", () -> NODES.textNode(random.nextBoolean() ? "[A-Za-z ]+" : "^[0-9]{5}$"));
                maybe(e, "patternMessage", this::text);
            }
            case "textarea" -> {
                maybe(e, "minLength", () -> NODES.numberNode(random.nextInt(10)));
                maybe(e, "maxLength", () -> NODES.numberNode(10 + random.nextInt(19_990)));
                maybe(e, "rows", () -> NODES.numberNode(1 + random.nextInt(50)));
            }
            case "number" -> {
                maybe(e, "min", () -> NODES.numberNode(decimal(-1000, 0, 2)));
                maybe(e, "max", () -> NODES.numberNode(decimal(0, 1000, 2)));
                maybe(e, "scale", () -> NODES.numberNode(2 + random.nextInt(3)));
                maybe(e, "unit", this::text);
            }
            case "integer" -> {
                maybe(e, "min", () -> NODES.numberNode((long) -random.nextInt(100)));
                maybe(e, "max", () -> NODES.numberNode((long) random.nextInt(100)));
                maybe(e, "unit", this::text);
            }
            case "currency" -> {
                maybe(e, "min", () -> NODES.numberNode(decimal(0, 100, 2)));
                maybe(e, "max", () -> NODES.numberNode(decimal(100, 10000, 2)));
                maybe(e, "currencyCode", () -> NODES.textNode(pick("EUR", "USD", "CHF")));
            }
            case "date" -> {
                maybe(e, "minDate", () -> NODES.textNode(pick("1900-01-01", "2000-02-29")));
                maybe(e, "maxDate", () -> NODES.textNode(pick("today", "today+30d", "today-18y", "today-6m")));
            }
            case "email" -> maybe(e, "maxLength", () -> NODES.numberNode(5 + random.nextInt(250)));
            case "iban" -> maybe(e, "countries", () -> strings(pick("DE", "AT"), "DE"));
            case "address" -> {
                maybe(e, "countries", () -> strings("DE", pick("AT", "NL")));
                maybe(e, "requireHouseNumber", () -> NODES.booleanNode(random.nextBoolean()));
            }
            case "choice" -> {
                String display = pick("radio", "select", "checkboxes");
                e.put("display", display);
                if (random.nextBoolean()) {
                    e.set("options", options());
                } else {
                    e.put("codeList", "colours");
                }
                if ("checkboxes".equals(display)) {
                    maybe(e, "minSelected", () -> NODES.numberNode(random.nextInt(2)));
                    maybe(e, "maxSelected", () -> NODES.numberNode(1 + random.nextInt(5)));
                }
            }
            case "consent" -> e.set("statement", text());
            case "file" -> {
                maybe(e, "accept", () -> strings("application/pdf", pick("image/*", "image/png")));
                maybe(e, "maxSizeKb", () -> NODES.numberNode(1 + random.nextInt(51_200)));
                maybe(e, "minFiles", () -> NODES.numberNode(random.nextInt(2)));
                maybe(e, "maxFiles", () -> NODES.numberNode(1 + random.nextInt(20)));
            }
            case "info" -> {
                e.set("content", text());
                maybe(e, "style", () -> NODES.textNode(pick("info", "warning")));
            }
            case "section" -> {
                e.set("title", text());
                e.set("elements", children(depth));
            }
            case "group" -> {
                maybe(e, "itemLabel", this::text);
                maybe(e, "minItems", () -> NODES.numberNode(random.nextInt(2)));
                maybe(e, "maxItems", () -> NODES.numberNode(2 + random.nextInt(99)));
                e.set("elements", children(depth));
            }
            case "computed" -> {
                e.set("expression", expression());
                maybe(e, "format", () -> NODES.textNode(pick("number", "currency", "text", "date")));
            }
            case "hidden" -> {
                if (random.nextBoolean()) {
                    e.set("value", pick(NODES.textNode("web"), NODES.numberNode(3), NODES.booleanNode(true)));
                } else {
                    e.set("expression", expression());
                }
            }
            default -> {
            }
        }
        if (input) {
            maybe(e, "required", () -> NODES.booleanNode(random.nextBoolean()));
            maybe(e, "requiredIf", this::expression);
        }
        maybe(e, "visibleIf", this::expression);
        if (input) {
            maybe(e, "readOnly", () -> NODES.booleanNode(random.nextBoolean()));
            maybe(e, "defaultValue", () -> pick(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false)));
            maybe(e, "autocomplete", () -> NODES.textNode(pick("given-name", "email", "off")));
            maybe(e, "indexed", () -> NODES.booleanNode(random.nextBoolean()));
        }
        maybe(e, "metadata", this::metadata);
        return e;
    }

    private ArrayNode children(int depth) {
        ArrayNode children = NODES.arrayNode();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            children.add(element(depth + 1));
        }
        return children;
    }

    private ArrayNode options() {
        ArrayNode options = NODES.arrayNode();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            ObjectNode option = options.addObject();
            option.put("value", "v" + i);
            option.set("label", text());
        }
        return options;
    }

    private ObjectNode text() {
        ObjectNode text = NODES.objectNode();
        String word = pick("Vorname", "Straße & Nr.", "Größe (cm)", "\"Zitat\"", "Ünïcödé ✓", "a\nb", "Emoji 😀");
        text.put("de", word + " " + random.nextInt(100));
        if (languages.contains("en")) {
            text.put("en", "Text " + random.nextInt(100));
        }
        return text;
    }

    private ObjectNode metadata() {
        ObjectNode metadata = NODES.objectNode();
        metadata.put("fimId", "F" + random.nextInt(100000));
        if (random.nextBoolean()) {
            metadata.put("fimVersion", "1." + random.nextInt(10));
        }
        return metadata;
    }

    private JsonNode expression() {
        return Fixtures.json(EXPRESSIONS.get(random.nextInt(EXPRESSIONS.size())));
    }

    private ArrayNode strings(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            if (!array.toString().contains("\"" + value + "\"")) {
                array.add(value);
            }
        }
        return array;
    }

    private BigDecimal decimal(int min, int max, int scale) {
        long factor = BigDecimal.TEN.pow(scale).longValueExact();
        return BigDecimal.valueOf(min * factor + random.nextInt((int) ((max - min) * factor + 1)), scale);
    }

    private void maybe(ObjectNode node, String name, java.util.function.Supplier<JsonNode> value) {
        if (random.nextInt(3) > 0) {
            node.set(name, value.get());
        }
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private String nextKey() {
        return "k" + (++keyCounter);
    }

    int inputs() {
        return inputs;
    }
}
