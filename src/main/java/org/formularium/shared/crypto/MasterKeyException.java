package org.formularium.shared.crypto;

/** The master keys are missing, malformed or do not fit the stored data; the message says what to do. */
public class MasterKeyException extends IllegalStateException {

    public MasterKeyException(String message) {
        super(message);
    }

    public MasterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
