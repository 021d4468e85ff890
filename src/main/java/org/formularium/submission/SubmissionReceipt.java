package org.formularium.submission;

import java.time.OffsetDateTime;

/**
 * What the citizen (or API client) gets back for a stored submission.
 *
 * @param accessCode the code for the status lookup; only on the first answer ({@code null} on a replay of
 *                   the same idempotency key, because only its hash is stored)
 * @param replay     true when this idempotency key had been used before and the first result is returned
 */
public record SubmissionReceipt(String reference, String accessCode, String formKey, int formVersion,
                                OffsetDateTime submittedAt, boolean replay) {
}
