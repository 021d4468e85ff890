package org.formularium.api;

import java.util.List;

/**
 * Thrown by API code to answer with a problem: {@code throw ApiProblemException.notFound("No form 'x'.")},
 * or with field errors {@code throw ApiProblemException.validation("The answers are incomplete.",
 * List.of(new ApiFieldError("/answers/email", "required", "Please enter an e-mail address.")))}.
 * The detail goes to the client as it is: never put internals into it.
 */
public class ApiProblemException extends RuntimeException {

    private final ApiProblemType problemType;
    private final List<ApiFieldError> errors;

    public ApiProblemException(ApiProblemType problemType, String detail) {
        this(problemType, detail, List.of());
    }

    public ApiProblemException(ApiProblemType problemType, String detail, List<ApiFieldError> errors) {
        super(detail, null, false, false); // an expected answer, not a fault: no stack trace
        this.problemType = problemType;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblemException badRequest(String detail) {
        return new ApiProblemException(ApiProblemType.MALFORMED_REQUEST, detail);
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(ApiProblemType.NOT_FOUND, detail);
    }

    public static ApiProblemException conflict(String detail) {
        return new ApiProblemException(ApiProblemType.CONFLICT, detail);
    }

    /** 422 with the list of what is wrong. */
    public static ApiProblemException validation(String detail, List<ApiFieldError> errors) {
        return new ApiProblemException(ApiProblemType.VALIDATION_FAILED, detail, errors);
    }

    public ApiProblemType problemType() {
        return problemType;
    }

    public String detail() {
        return getMessage();
    }

    public List<ApiFieldError> errors() {
        return errors;
    }
}
