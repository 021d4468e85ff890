package org.formularium.fim;

/**
 * One decision or open task of an import, for the form designer.
 *
 * @param fimId   the FIM id the entry is about (field, group, rule or schema); empty for file-level entries
 * @param level   how much the designer has to do
 * @param message German sentence
 */
public record ReportEntry(String fimId, Level level, String message) {

    public ReportEntry {
        fimId = fimId == null ? "" : fimId;
    }

    /** How much the designer has to do about an entry. */
    public enum Level {
        /** A mapping decision, nothing to do. */
        INFO,
        /** Something was approximated or dropped; check it. */
        WARNING,
        /** The draft is incomplete until the designer acts (add options, express a rule …). */
        ACTION_REQUIRED
    }
}
