package org.formularium.definition.schema;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a submission document carries besides its data.
 *
 * @param reference   the reference number the citizen received
 * @param submittedAt when the submission was accepted
 * @param language    the language the citizen used ({@code de}, {@code en})
 */
public record SubmissionEnvelope(String reference, OffsetDateTime submittedAt, String language) {

    public SubmissionEnvelope {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(language, "language");
    }
}
