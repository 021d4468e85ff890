package org.formularium.fim;

import java.util.ArrayList;
import java.util.List;

/** Collects the report entries of one import in order. */
final class Report {

    private final List<ReportEntry> entries = new ArrayList<>();

    void info(String fimId, String message) {
        entries.add(new ReportEntry(fimId, ReportEntry.Level.INFO, message));
    }

    void warning(String fimId, String message) {
        entries.add(new ReportEntry(fimId, ReportEntry.Level.WARNING, message));
    }

    void actionRequired(String fimId, String message) {
        entries.add(new ReportEntry(fimId, ReportEntry.Level.ACTION_REQUIRED, message));
    }

    List<ReportEntry> entries() {
        return List.copyOf(entries);
    }
}
