package org.formularium.definition.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * One stored version of a form's definition.
 *
 * @param definition  the definition document as stored (a draft may be invalid)
 * @param lockVersion optimistic lock: pass it back when saving a draft
 */
public record FormVersionInfo(String formKey, int number, VersionStatus status, JsonNode definition,
                              OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                              OffsetDateTime publishedAt, String publishedBy, int lockVersion) {
}
