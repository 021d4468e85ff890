package org.formularium.definition.logic;

/** A JSON Logic expression that does not parse or fails while it is evaluated. */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExpressionException(String message) {
        super(message);
    }
}
