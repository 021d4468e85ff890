package org.formularium.audit;

import java.util.List;

/** One page of search results (newest first) and the number of all matches. */
public record AuditPage(List<AuditEntry> entries, int total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
