package org.formularium.definition.validation;

/** Builds definition paths such as {@code pages[1].elements[3].key}. */
final class Paths {

    private Paths() {
    }

    static String property(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
