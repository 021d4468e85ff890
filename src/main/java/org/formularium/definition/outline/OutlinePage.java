package org.formularium.definition.outline;

import java.util.List;

/** A visible page with its visible entries in document order. */
public record OutlinePage(String key, String title, List<OutlineEntry> entries) {

    public OutlinePage {
        entries = List.copyOf(entries);
    }
}
