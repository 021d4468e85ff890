package org.formularium.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.formularium.definition.model.FormDefinition;

/** Named definitions and data for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid definition that uses every element type (the parking exemption). */
    public static String completeFormJson() {
        try (InputStream in = Fixtures.class.getResourceAsStream("complete-form.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormDefinition completeForm() {
        return DefinitionJson.read(completeFormJson());
    }

    /** The complete form as a mutable tree. */
    public static ObjectNode completeFormTree() {
        return (ObjectNode) json(completeFormJson());
    }

    /** Parses JSON. */
    public static JsonNode json(String json) {
        try {
            return DefinitionJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON written with single quotes for readable test literals. */
    public static JsonNode q(String json) {
        return json(json.replace('\'', '"'));
    }

    /** A German-only form with one page holding the given elements (JSON array, single quotes allowed). */
    public static ObjectNode minimalForm(String elements) {
        ObjectNode form = (ObjectNode) q("""
                {'schemaVersion': 1, 'key': 'test-form', 'languages': ['de'], 'title': {'de': 'Test'},
                 'pages': [{'key': 'page', 'title': {'de': 'Seite'}, 'elements': []}]}""");
        ((ObjectNode) form.get("pages").get(0)).set("elements", q(elements));
        return form;
    }

    /** A German/English form with one page holding the given elements (JSON array, single quotes allowed). */
    public static FormDefinition bilingualForm(String elements) {
        ObjectNode form = minimalForm(elements);
        form.set("languages", q("['de', 'en']"));
        form.set("title", q("{'de': 'Test', 'en': 'Test'}"));
        ((ObjectNode) form.get("pages").get(0)).set("title", q("{'de': 'Seite', 'en': 'Page'}"));
        return DefinitionParser.parse(form).definitionOrThrow();
    }
}
