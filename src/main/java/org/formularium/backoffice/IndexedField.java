package org.formularium.backoffice;

import org.formularium.definition.model.LocalizedText;

/** An answer of a form that clerks can search for ({@code indexed: true} in the definition). */
public record IndexedField(String key, LocalizedText label) {
}
