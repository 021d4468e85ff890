package org.formularium.definition.store;

/** No form (or no such version of it) exists. */
public class FormNotFoundException extends RuntimeException {
    public FormNotFoundException(String message) {
        super(message);
    }
}
