package org.formularium.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong with a request, in the {@code errors} list of a problem.
 *
 * @param path    where: a JSON Pointer (RFC 6901) into the request body, e.g. {@code /answers/0/email}, or
 *                the name of a query or path parameter; {@code ""} for the request as a whole
 * @param code    what, stable for machines, lower snake case, e.g. {@code not_blank}, {@code invalid_type}
 * @param message what, for humans (English)
 */
@Schema(name = "FieldError")
public record ApiFieldError(String path, String code, String message) {
}
