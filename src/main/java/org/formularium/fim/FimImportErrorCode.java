package org.formularium.fim;

/** Stable codes of files the FIM import refuses. Clients may switch on them; never rename one. */
public enum FimImportErrorCode {
    /** The file is empty or not well-formed XML. */
    NOT_XML,
    /** The file is larger than {@link XDatenfelderImporter#MAX_FILE_BYTES} or nested too deeply. */
    TOO_LARGE,
    /** The file declares a DOCTYPE (refused: no DTDs, no external entities). */
    DOCTYPE_NOT_ALLOWED,
    /** The root element is in a namespace that is neither XDatenfelder 2.0 nor 3.0.0. */
    UNKNOWN_NAMESPACE,
    /** The namespace is known but the message (root element) is not one this importer reads. */
    UNSUPPORTED_MESSAGE,
    /** An element the standard does not allow at that place. */
    UNEXPECTED_NODE,
    /** An {@code identifikation} with more than one {@code id}. */
    DUPLICATE_ID,
    /** Another element that may occur only once occurs more than once (e.g. two {@code name}). */
    DUPLICATE_ELEMENT,
    /** An element without {@code identifikation} or an {@code identifikation} without {@code id}. */
    MISSING_ID,
    /** An {@code id} without content. */
    EMPTY_ID,
    /** Another required element is absent or empty (e.g. {@code name}, {@code anzahl}, {@code code}). */
    MISSING_ELEMENT,
    /** A status code ({@code status} in 2.0, {@code freigabestatus} in 3.0.0) outside its code list. */
    INVALID_STATUS_CODE,
    /** An {@code anzahl} that is not {@code min:max} / {@code min:*} with min &lt;= max. */
    INVALID_ANZAHL
}
