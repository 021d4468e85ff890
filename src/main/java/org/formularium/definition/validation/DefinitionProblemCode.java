package org.formularium.definition.validation;

/** Stable codes of problems in a form definition. Clients may switch on them; never rename one. */
public enum DefinitionProblemCode {
    /** The input is not JSON, or too large or too deeply nested. */
    INVALID_JSON,
    /** {@code schemaVersion} is not one this code reads. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** A required property is absent. */
    MISSING_PROPERTY,
    /** A property the format does not define. */
    UNKNOWN_PROPERTY,
    /** A value of the wrong JSON type (string for boolean, null, …). */
    WRONG_TYPE,
    /** An element {@code type} the format does not define. */
    UNKNOWN_ELEMENT_TYPE,
    /** A key that does not match its pattern. */
    INVALID_KEY,
    /** A key used twice in one scope. */
    DUPLICATE_KEY,
    /** A text without German, or without a language the form lists. */
    MISSING_TRANSLATION,
    /** A language that is not allowed or not listed in {@code languages}. */
    UNKNOWN_LANGUAGE,
    /** Constraints that no answer can satisfy (min greater than max …). */
    CONTRADICTING_CONSTRAINTS,
    /** A value outside what the format allows (bad regex, bad date, out of range, unknown enum value …). */
    INVALID_VALUE,
    /** A JSON Logic expression that does not parse or uses an unknown operator. */
    INVALID_EXPRESSION,
    /** A variable, rule field or e-mail element that names no data-holding element in scope. */
    UNKNOWN_REFERENCE,
    /** Computed or hidden values that depend on each other in a cycle. */
    COMPUTED_CYCLE,
    /** A choice without options, or an empty option list. */
    MISSING_OPTIONS,
    /** An option without a value. */
    OPTION_WITHOUT_VALUE,
    /** An option value used twice in one list. */
    DUPLICATE_OPTION,
    /** More options in one list than allowed (500). */
    TOO_MANY_OPTIONS,
    /** A choice naming a code list that {@code codeLists} does not define. */
    UNKNOWN_CODE_LIST,
    /** More than 500 input elements. */
    TOO_MANY_INPUTS,
    /** More than 50 pages. */
    TOO_MANY_PAGES,
    /** Containers nested more than 3 levels below a page. */
    NESTING_TOO_DEEP,
    /** A text longer than allowed (10,000 characters; info content 20,000). */
    TEXT_TOO_LONG
}
