package org.formularium.submission;

import java.util.UUID;

/** An uploaded file as the submission data references it: {@code {id, name, size, mediaType, sha256}}. */
public record StoredAttachment(UUID id, String name, long size, String mediaType, String sha256) {
}
