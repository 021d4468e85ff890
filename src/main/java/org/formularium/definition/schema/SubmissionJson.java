package org.formularium.definition.schema;

import static org.formularium.definition.schema.SubmissionDocument.DATA;
import static org.formularium.definition.schema.SubmissionDocument.FORM;
import static org.formularium.definition.schema.SubmissionDocument.KEY;
import static org.formularium.definition.schema.SubmissionDocument.LANGUAGE;
import static org.formularium.definition.schema.SubmissionDocument.REFERENCE;
import static org.formularium.definition.schema.SubmissionDocument.SUBMITTED_AT;
import static org.formularium.definition.schema.SubmissionDocument.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FormDefinition;

/** Builds the JSON submission document described by {@link SubmissionJsonSchema}. */
public final class SubmissionJson {

    private SubmissionJson() {
    }

    /**
     * {@code {"form": {"key", "version"}, "reference", "submittedAt", "language", "data"}}.
     *
     * @param data the submission data as the evaluator cleaned it; copied as is ({@code null} → {@code {}})
     */
    public static ObjectNode write(FormDefinition definition, int version, SubmissionEnvelope envelope,
            JsonNode data) {
        SubmissionDocument.urn(definition, version); // checks the version
        ObjectNode document = DefinitionJson.mapper().createObjectNode();
        document.putObject(FORM).put(KEY, definition.key()).put(VERSION, version);
        document.put(REFERENCE, envelope.reference());
        document.put(SUBMITTED_AT, SubmissionDocument.timestamp(envelope.submittedAt()));
        document.put(LANGUAGE, envelope.language());
        document.set(DATA, data == null || data.isNull() ? document.objectNode() : data.deepCopy());
        return document;
    }
}
