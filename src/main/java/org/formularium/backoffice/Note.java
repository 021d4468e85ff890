package org.formularium.backoffice;

import java.time.OffsetDateTime;

/** An internal note of a clerk on a submission; never shown to the citizen. */
public record Note(long id, String author, OffsetDateTime createdAt, String text) {

    public static final int MAX_LENGTH = 10_000;
}
