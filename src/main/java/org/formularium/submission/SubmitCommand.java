package org.formularium.submission;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Locale;

/**
 * A request to store a submission.
 *
 * @param formKey        the form
 * @param version        the published version the citizen filled in ({@code null}: the latest)
 * @param data           the answers as entered; validated and cleaned by the data evaluator
 * @param language       the citizen's language
 * @param idempotencyKey the same key always yields the first result (double click, resend)
 * @param privacyNotice  the exact privacy notice text shown to the citizen, or {@code null}: the privacy step of
 *                       the form version in {@code language} ({@link PrivacyNoticeText}, what the runtime shows)
 * @param consentAt      when the citizen consented, or {@code null}
 */
public record SubmitCommand(String formKey, Integer version, JsonNode data, Locale language, String idempotencyKey,
                            Channel channel, String privacyNotice, Instant consentAt) {
}
