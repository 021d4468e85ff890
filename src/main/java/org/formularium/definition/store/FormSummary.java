package org.formularium.definition.store;

import java.time.OffsetDateTime;

/**
 * A form as listed in the builder and the API.
 *
 * @param title            the German title of the newest version (draft or published)
 * @param latestPublished  number of the newest published version, {@code null} if never published
 * @param draftNumber      number of the open draft, {@code null} if none
 */
public record FormSummary(String key, FormStatus status, String title, String titleEn, Integer latestPublished,
                          Integer draftNumber, OffsetDateTime updatedAt, String updatedBy) {
}
