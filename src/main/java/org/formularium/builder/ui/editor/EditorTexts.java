package org.formularium.builder.ui.editor;

/**
 * Prefixes of the translation keys the editor builds from names (element types, properties, operators, problem
 * codes, choices, languages); {@code EditorTextsTest} checks that every such key exists in German and English.
 */
final class EditorTexts {

    static final String TYPE = "editor.type.";
    static final String PROPERTY = "editor.prop.";
    static final String OPERATOR = "editor.condition.op.";
    static final String COMBINATOR = "editor.condition.";
    static final String PROBLEM = "editor.problem.";
    static final String CHOICE = "editor.choice.";
    static final String LANGUAGE = "editor.lang.";

    private EditorTexts() {
    }
}
