package org.formularium.definition.store;

import org.formularium.definition.model.FormDefinition;

import java.time.OffsetDateTime;

/** A published, immutable version of a form, parsed. Submissions and drafts pin {@code version}. */
public record PublishedForm(String key, int version, FormDefinition definition, OffsetDateTime publishedAt) {
}
