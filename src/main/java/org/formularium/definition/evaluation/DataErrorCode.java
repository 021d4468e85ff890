package org.formularium.definition.evaluation;

/** Stable codes of problems in submitted data. Clients may switch on them; never rename one. */
public enum DataErrorCode {
    REQUIRED,
    WRONG_TYPE,
    TOO_SHORT,
    TOO_LONG,
    PATTERN_MISMATCH,
    NOT_A_NUMBER,
    NOT_AN_INTEGER,
    TOO_MANY_DECIMALS,
    TOO_SMALL,
    TOO_LARGE,
    INVALID_DATE,
    DATE_TOO_EARLY,
    DATE_TOO_LATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_IBAN,
    INVALID_POSTAL_CODE,
    UNKNOWN_OPTION,
    TOO_FEW_SELECTED,
    TOO_MANY_SELECTED,
    CONSENT_REQUIRED,
    TOO_FEW_ITEMS,
    TOO_MANY_ITEMS,
    TOO_FEW_FILES,
    TOO_MANY_FILES,
    FILE_TYPE_NOT_ALLOWED,
    FILE_TOO_LARGE,
    RULE_VIOLATED,
    /** A file answer names an upload that does not exist (or belongs to another form). */
    UNKNOWN_FILE
}
