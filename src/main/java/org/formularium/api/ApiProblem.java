package org.formularium.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An API error as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param errors  the individual mistakes, when there is a list (validation); absent otherwise
 * @param errorId for unexpected errors only: quote it to the operator, who finds it in the log
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiProblem(URI type, String title, int status, String detail, String instance,
                         List<ApiFieldError> errors, String errorId) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
