package org.formularium.shared.crypto;

/**
 * A stored blob could not be decrypted: its master key is not configured, the configured key with that id
 * is a different key, or the blob was changed or moved to another record (authentication failed).
 */
public class DecryptionException extends IllegalStateException {

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
