package org.formularium.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** One claimed piece of outbox work. {@code attempt} counts from 1. */
public record OutboxItem(long id, String kind, Long submissionId, JsonNode payload, int attempt) {
}
