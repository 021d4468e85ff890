package org.formularium.definition.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;

/** Validation with com.networknt:json-schema-validator in its default 2020-12 setup (format as annotation). */
final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private JsonSchemas() {
    }

    /** Problems of the schema itself against the 2020-12 meta-schema. */
    static Set<ValidationMessage> metaSchemaProblems(JsonNode schema) {
        return FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012)).validate(schema);
    }

    static Set<ValidationMessage> validate(ObjectNode schema, JsonNode document) {
        return FACTORY.getSchema(schema).validate(document);
    }

    /** Validates against {@code <$id>#/$defs/data}, resolving the schema by its id as a consumer would. */
    static Set<ValidationMessage> validateData(ObjectNode schema, JsonNode data) {
        String id = schema.path("$id").asText();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(FACTORY)
                .schemaLoaders(loaders -> loaders.schemas(Map.of(id, schema.toString())))
                .build();
        JsonSchema dataSchema = factory.getSchema(SchemaLocation.of(id + "#/$defs/data"));
        return dataSchema.validate(data);
    }
}
