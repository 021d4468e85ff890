package org.formularium.fim;

/**
 * A FIM file that cannot be imported: unreadable, unsupported or invalid. Carries a stable {@link #code()}, a
 * German message for the form designer and where in the file the problem is.
 */
public class FimImportException extends RuntimeException {

    private final FimImportErrorCode code;
    private final String location;

    public FimImportException(FimImportErrorCode code, String message, String location) {
        super(message);
        this.code = code;
        this.location = location == null ? "" : location;
    }

    public FimImportException(FimImportErrorCode code, String message, String location, Throwable cause) {
        this(code, message, location);
        initCause(cause);
    }

    /** The stable code. */
    public FimImportErrorCode code() {
        return code;
    }

    /** Element path and line, e.g. {@code /xdatenfelder.datenfeldgruppe.0103/datenfeldgruppe/identifikation (Zeile 9)}; empty when unknown. */
    public String location() {
        return location;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage() + (location.isEmpty() ? "" : " [" + location + "]");
    }
}
