package org.formularium.definition.evaluation;

import org.formularium.definition.model.LocalizedText;

/**
 * One problem in submitted data.
 *
 * @param path    data path such as {@code first_name}, {@code address.postalCode}, {@code children[1].name},
 *                {@code photo[0]}; {@code ""} for the whole form
 * @param code    stable code
 * @param message how to fix it, in German and English, naming the field by its label
 */
public record DataError(String path, DataErrorCode code, LocalizedText message) {
}
