package org.formularium.definition.store;

/**
 * Somebody else saved or published the draft since it was loaded. Nothing was overwritten; the caller
 * offers to reload (or to overwrite with the current lock version).
 */
public class DraftConflictException extends RuntimeException {
    private final FormVersionInfo current;

    public DraftConflictException(FormVersionInfo current) {
        super("The draft was changed by " + (current == null ? "somebody else" : current.updatedBy())
                + " in the meantime");
        this.current = current;
    }

    /** The draft as it is now, or {@code null} when it was published meanwhile. */
    public FormVersionInfo current() {
        return current;
    }
}
