package org.formularium.definition.outline;

import java.util.List;

/** A titled section of a page with its visible entries. */
public record OutlineSection(String key, String title, List<OutlineEntry> entries) implements OutlineEntry {

    public OutlineSection {
        entries = List.copyOf(entries);
    }
}
