package org.formularium.document;

/** A receipt could not be rendered. */
public class ReceiptRenderingException extends RuntimeException {

    public ReceiptRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
