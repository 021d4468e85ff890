package org.formularium.definition.outline;

import java.util.List;

/** One item of a repeating group, labelled with its number, e.g. {@code Kind 1}. */
public record OutlineItem(String path, String label, List<OutlineEntry> entries) {

    public OutlineItem {
        entries = List.copyOf(entries);
    }
}
