package org.formularium.delivery;

import java.time.OffsetDateTime;

/** A configured webhook of a form. The secret signs every delivery (HMAC-SHA256). */
public record Webhook(long id, String formKey, String url, String secret, boolean enabled, OffsetDateTime createdAt,
                      String createdBy) {
}
