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

    /** Parses JSON; single quotes allowed for readable test literals. */
    public static JsonNode json(String json) {
        try {
            return DefinitionJson.mapper().readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
