package org.formularium.fim;

import java.util.List;
import org.formularium.definition.model.FormDefinition;

/**
 * The outcome of an import: a draft definition and the report of every mapping decision.
 *
 * @param draft  the form definition (format v1); valid except for choices whose options the designer must add
 * @param key    the form key derived from the schema name (same as {@code draft.key()})
 * @param report decisions and open tasks in document order
 */
public record FimImportResult(FormDefinition draft, String key, List<ReportEntry> report) {

    public FimImportResult {
        report = List.copyOf(report);
    }

    /** The entries of one level. */
    public List<ReportEntry> entries(ReportEntry.Level level) {
        return report.stream().filter(e -> e.level() == level).toList();
    }

    /** Whether the designer must act before the draft can be published. */
    public boolean actionRequired() {
        return report.stream().anyMatch(e -> e.level() == ReportEntry.Level.ACTION_REQUIRED);
    }
}
