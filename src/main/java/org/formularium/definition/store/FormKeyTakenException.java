package org.formularium.definition.store;

/** A form with this key exists already. */
public class FormKeyTakenException extends RuntimeException {
    private final String key;

    public FormKeyTakenException(String key) {
        super("A form with the key '" + key + "' exists already");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
