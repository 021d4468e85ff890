package org.formularium.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generated form for the large-form benchmark: 250 element definitions on five pages — 247 fields of ten types
 * (text, e-mail, date, number, radio choice, select, textarea, yes/no, phone, integer) and a repeating group
 * ({@code entries}, two fields per item) on page 2 that always has exactly 100 items (min = max = 100), so its data
 * holds 100 items once filled. Nothing is required: the benchmark pages through it freely.
 */
final class LargeForm {

    static final int PAGES = 5;
    static final int GROUP_ITEMS = 100;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] TYPES = {"text", "email", "date", "number", "radio", "select", "textarea", "yesno",
        "phone", "integer"};

    private LargeForm() {
    }

    /** Key of field {@code n} (1-based) on page {@code p}. */
    static String key(int p, int n) {
        return String.format("p%d_f%02d", p, n);
    }

    /** Fields per page: page 2 has the group (itself one definition, two item fields) and 47 single fields. */
    static int fieldsOn(int p) {
        return p == 2 ? 47 : 50;
    }

    static ObjectNode definition(String formKey) {
        ObjectNode form = JSON.objectNode();
        form.put("schemaVersion", 1);
        form.put("key", formKey);
        form.putArray("languages").add("de");
        form.set("title", de("Großes Formular (250 Felder)"));
        ArrayNode pages = form.putArray("pages");
        for (int p = 1; p <= PAGES; p++) {
            ObjectNode page = pages.addObject();
            page.put("key", "page" + p);
            page.set("title", de("Seite " + p));
            ArrayNode elements = page.putArray("elements");
            if (p == 2) {
                ObjectNode group = elements.addObject();
                group.put("type", "group");
                group.put("key", "entries");
                group.set("label", de("Positionen"));
                group.set("itemLabel", de("Position"));
                group.put("minItems", GROUP_ITEMS);
                group.put("maxItems", GROUP_ITEMS);
                ArrayNode itemElements = group.putArray("elements");
                itemElements.add(field("text", "description", "Beschreibung"));
                itemElements.add(field("number", "amount", "Betrag"));
            }
            for (int n = 1; n <= fieldsOn(p); n++) {
                elements.add(field(TYPES[(n - 1) % TYPES.length], key(p, n), "Feld " + p + "." + n));
            }
        }
        return form;
    }

    /** Answers for every field and all 100 group items. */
    static ObjectNode filledData() {
        ObjectNode data = JSON.objectNode();
        for (int p = 1; p <= PAGES; p++) {
            for (int n = 1; n <= fieldsOn(p); n++) {
                String key = key(p, n);
                switch (TYPES[(n - 1) % TYPES.length]) {
                    case "email" -> data.put(key, "person" + n + "@example.de");
                    case "date" -> data.put(key, "2026-05-" + String.format("%02d", 1 + n % 28));
                    case "number" -> data.put(key, n + ".5");
                    case "radio" -> data.put(key, "B");
                    case "select" -> data.put(key, "S3");
                    case "textarea" -> data.put(key, "Ein längerer Text für Feld " + key + ", damit etwas darin steht.");
                    case "yesno" -> data.put(key, n % 2 == 0);
                    case "phone" -> data.put(key, "0281 " + (100000 + n));
                    case "integer" -> data.put(key, String.valueOf(n));
                    default -> data.put(key, "Antwort " + key);
                }
            }
        }
        ArrayNode entries = data.putArray("entries");
        for (int i = 1; i <= GROUP_ITEMS; i++) {
            ObjectNode item = entries.addObject();
            item.put("description", "Position Nummer " + i);
            item.put("amount", i + ".25");
        }
        return data;
    }

    private static ObjectNode field(String type, String key, String label) {
        ObjectNode field = JSON.objectNode();
        switch (type) {
            case "radio" -> {
                field.put("type", "choice");
                field.put("display", "radio");
                ArrayNode options = field.putArray("options");
                for (String value : new String[] {"A", "B", "C"}) {
                    options.addObject().put("value", value).set("label", de("Option " + value));
                }
            }
            case "select" -> {
                field.put("type", "choice");
                field.put("display", "select");
                ArrayNode options = field.putArray("options");
                for (int i = 1; i <= 5; i++) {
                    options.addObject().put("value", "S" + i).set("label", de("Auswahl " + i));
                }
            }
            default -> field.put("type", type);
        }
        field.put("key", key);
        field.set("label", de(label));
        return field;
    }

    private static ObjectNode de(String text) {
        return JSON.objectNode().put("de", text);
    }
}
