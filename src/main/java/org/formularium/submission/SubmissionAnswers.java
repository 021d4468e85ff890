package org.formularium.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.definition.DefinitionJson;
import org.formularium.shared.crypto.Envelope;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * How a submission's answers are stored: JSON, envelope-encrypted in {@code submission.data_encrypted} and
 * bound to the reference. Every reader of that column (ingest, API, back office, exports) goes through here.
 */
@Component
public class SubmissionAnswers {

    static final String CONTEXT = "submission.data:";

    private final Envelope envelope;
    private final ObjectMapper json = DefinitionJson.mapper();

    SubmissionAnswers(Envelope envelope) {
        this.envelope = envelope;
    }

    byte[] seal(String reference, JsonNode answers) {
        try {
            return envelope.seal(json.writeValueAsBytes(answers), CONTEXT + reference);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The answers: decrypted; from the clear column of a row stored before encryption at rest and not yet
     * migrated; an empty object once erased.
     */
    public JsonNode open(String reference, byte[] sealed, String clearJson) {
        try {
            if (sealed != null) {
                return json.readTree(envelope.open(sealed, CONTEXT + reference));
            }
            return clearJson == null ? json.createObjectNode() : json.readTree(clearJson);
        } catch (IOException e) {
            throw new IllegalStateException("stored submission is not JSON", e);
        }
    }
}
