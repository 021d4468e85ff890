package org.formularium.definition.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.model.FormDefinition;

/** The demo definitions with their sample submissions, read from the classpath. */
final class DemoSamples {

    static final List<String> KEYS = List.of("buecherwunsch", "fischereischein", "fundsache", "ideen-beschwerden",
            "parkausweis", "veranstaltung");

    static final int VERSION = 3;

    private DemoSamples() {
    }

    static List<String> keys() {
        return KEYS;
    }

    static FormDefinition definition(String key) {
        return DefinitionParser.parse(resource("forms/demo/" + key + ".json")).definitionOrThrow();
    }

    /** The sample data, a fresh mutable copy on every call. */
    static ObjectNode data(String key) {
        try {
            return (ObjectNode) DefinitionJson.mapper().readTree(resource("forms/demo-submissions/" + key + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SubmissionEnvelope envelope() {
        return new SubmissionEnvelope("2026-000123",
                OffsetDateTime.of(2026, 5, 4, 10, 15, 0, 0, ZoneOffset.ofHours(2)), "de");
    }

    private static String resource(String name) {
        try (InputStream in = DemoSamples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
