package org.formularium.document;

import java.util.Objects;

/** An uploaded file as listed on the receipt: name, size in bytes, SHA-256 as hex. */
public record AttachmentLine(String name, long size, String sha256) {

    public AttachmentLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
