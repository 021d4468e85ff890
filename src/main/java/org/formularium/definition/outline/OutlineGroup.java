package org.formularium.definition.outline;

import java.util.List;

/** A repeating group with its numbered items ("Kind 1", "Kind 2"); no items when none were added. */
public record OutlineGroup(String path, String key, String label, List<OutlineItem> items) implements OutlineEntry {

    public OutlineGroup {
        items = List.copyOf(items);
    }
}
