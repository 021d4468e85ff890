package org.formularium.definition.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.formularium.definition.model.ElementType;

/** Keys of one scope (the form, or one repeating group) and the way out to the enclosing scope. */
final class Scope {

    /** A key and what it names. {@code type} is null for pages. */
    record Entry(String key, ElementType type, String path, JsonNode node, Scope scope) {

        boolean holdsData() {
            return type != null && type.isInput();
        }

        boolean isPage() {
            return type == null;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private final Scope parent;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    /** Adds the key; returns false when the scope already has it. */
    boolean add(Entry entry) {
        return entries.putIfAbsent(entry.key(), entry) == null;
    }

    /** The key in this scope, else in the enclosing ones (as {@code var} resolves inside a group item). */
    Entry resolve(String key) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Entry entry = scope.entries.get(key);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** The key in this scope only. */
    Entry local(String key) {
        return entries.get(key);
    }
}
