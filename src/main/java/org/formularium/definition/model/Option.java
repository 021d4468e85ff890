package org.formularium.definition.model;

/** One answer of a choice: the stored {@code value} and its visible {@code label}. */
public record Option(String value, LocalizedText label) {
}
