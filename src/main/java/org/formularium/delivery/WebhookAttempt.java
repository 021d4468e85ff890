package org.formularium.delivery;

import java.time.OffsetDateTime;

/** One logged delivery attempt of a webhook, as admins see it. {@code statusCode} is null when no answer came. */
public record WebhookAttempt(long outboxId, int attempt, Integer statusCode, String error, int durationMs,
                             OffsetDateTime attemptedAt) {
}
