package org.formularium.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every exception from an API controller becomes a problem ({@code application/problem+json}): client
 * mistakes are 4xx with a detail that says what to fix; anything unexpected is a 500 whose detail says
 * nothing about internals and whose error id is logged with the stack trace. Errors before a controller is
 * chosen (unknown path, wrong method) are handled by {@link ApiRequestFilter}.
 */
@RestControllerAdvice(basePackages = "org.formularium.api")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiExceptionHandler {

    static final String INTERNAL_ERROR_DETAIL =
            "An unexpected error occurred. Please quote the errorId when you report it.";
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;
    private final ApiAuthenticationProblems authProblems;
    private final ApiProperties properties;

    ApiExceptionHandler(ApiProblems problems, ApiAuthenticationProblems authProblems, ApiProperties properties) {
        this.problems = problems;
        this.authProblems = authProblems;
        this.properties = properties;
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ApiProblem> apiProblem(ApiProblemException e, HttpServletRequest request) {
        return respond(problems.of(request, e.problemType(), e.detail(), e.errors(), null));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiProblem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiFieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe ->
                errors.add(new ApiFieldError(pointer(fe.getField()), code(fe.getCode()), fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new ApiFieldError("", code(ge.getCode()), ge.getDefaultMessage())));
        return validationFailed(request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiProblem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ApiFieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String path = error instanceof FieldError fe ? pointer(fe.getField())
                        : parameter == null ? "" : parameter;
                errors.add(new ApiFieldError(path, code(lastCode(error)), error.getDefaultMessage()));
            }
        });
        return validationFailed(request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiProblem> constraintViolations(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiFieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new ApiFieldError(v.getPropertyPath().toString(),
                    code(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()));
        }
        return validationFailed(request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        RequestBodyTooLargeException tooLarge = ApiRequestFilter.findCause(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            return malformed(request, "The request needs a body.", List.of());
        }
        StreamConstraintsException limit = ApiRequestFilter.findCause(cause, StreamConstraintsException.class);
        if (limit != null) {
            String detail = String.valueOf(limit.getOriginalMessage()).contains("nesting depth")
                    ? "The JSON in the request body is nested deeper than " + properties.maxJsonNestingDepth() + " levels."
                    : "The JSON in the request body exceeds a size limit (a number or string is too long).";
            return malformed(request, detail, List.of());
        }
        JsonParseException parse = ApiRequestFilter.findCause(cause, JsonParseException.class);
        if (parse != null) {
            return malformed(request, "The request body is not valid JSON" + location(parse) + ".", List.of());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String path = pointer(unknown.getPath());
            return malformed(request, "The request body has a property that is not allowed here.",
                    List.of(new ApiFieldError(path, "unknown_property", "Unknown property '" + unknown.getPropertyName() + "'.")));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = pointer(mismatch.getPath());
            if (mismatch.getPath().isEmpty() && String.valueOf(mismatch.getOriginalMessage()).startsWith("No content")) {
                return malformed(request, "The request needs a body.", List.of());
            }
            String expected = jsonType(mismatch.getTargetType());
            return malformed(request, "A value in the request body has the wrong type.", List.of(new ApiFieldError(
                    path, "invalid_type", expected == null ? "Wrong type." : "Must be " + expected + ".")));
        }
        if (cause instanceof JsonMappingException mapping) {
            return malformed(request, "The request body does not have the expected structure.", List.of(
                    new ApiFieldError(pointer(mapping.getPath()), "invalid_value", "Not an allowed value here.")));
        }
        if (cause instanceof JsonProcessingException) {
            return malformed(request, "The request body is not valid JSON.", List.of());
        }
        return malformed(request, "The request body cannot be read.", List.of());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ApiProblem> parameterTypeMismatch(TypeMismatchException e, HttpServletRequest request) {
        String name = e.getPropertyName() == null ? "" : e.getPropertyName();
        String expected = jsonType(e.getRequiredType());
        return malformed(request, "The parameter '" + name + "' has an invalid value.", List.of(new ApiFieldError(
                name, "invalid_type", expected == null ? "Invalid value." : "Must be " + expected + ".")));
    }

    @ExceptionHandler({UnsupportedCharsetException.class, IllegalCharsetNameException.class})
    ResponseEntity<ApiProblem> unknownCharset(IllegalArgumentException e, HttpServletRequest request) {
        return respond(problems.of(request, ApiProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The charset of the request body is not supported; use UTF-8."));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ApiProblem> bodyTooLarge(RequestBodyTooLargeException e, HttpServletRequest request) {
        return respond(problems.of(request, ApiProblemType.PAYLOAD_TOO_LARGE,
                RequestBodyTooLargeException.detail(e.limit())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiProblem> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(problems.of(request, ApiProblemType.PAYLOAD_TOO_LARGE, "The upload is too large."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiProblem> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpHeaders headers = new HttpHeaders();
        if (ApiAuthenticationProblems.isAnonymous(authentication)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, authProblems.unauthorizedChallenge(request));
            return respond(authProblems.unauthorized(request), headers);
        }
        Set<String> missing = ApiAuthenticationProblems.missingScopes(authentication, e);
        headers.set(HttpHeaders.WWW_AUTHENTICATE, ApiAuthenticationProblems.insufficientScopeChallenge(missing));
        return respond(authProblems.forbidden(request, missing), headers);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiProblem> authentication(AuthenticationException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, authProblems.unauthorizedChallenge(request));
        return respond(authProblems.unauthorized(request), headers);
    }

    /** Spring MVC's own exceptions (415, 406, 405, missing parameters ...) keep their status; the rest is 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            String detail = response.getBody().getDetail();
            return respond(problems.ofStatus(request, response.getStatusCode().value(), detail), response.getHeaders());
        }
        String errorId = ApiProblems.newErrorId();
        LOG.error("Unexpected error in API request {} {}, errorId={}", request.getMethod(), request.getRequestURI(),
                errorId, e);
        return respond(problems.of(request, ApiProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL, List.of(), errorId));
    }

    private ResponseEntity<ApiProblem> validationFailed(HttpServletRequest request, List<ApiFieldError> errors) {
        String detail = errors.size() == 1 ? "The request has 1 invalid value."
                : "The request has " + errors.size() + " invalid values.";
        return respond(problems.of(request, ApiProblemType.VALIDATION_FAILED, detail, errors, null));
    }

    private ResponseEntity<ApiProblem> malformed(HttpServletRequest request, String detail, List<ApiFieldError> errors) {
        return respond(problems.of(request, ApiProblemType.MALFORMED_REQUEST, detail, errors, null));
    }

    private ResponseEntity<ApiProblem> respond(ApiProblem problem) {
        return respond(problem, HttpHeaders.EMPTY);
    }

    private ResponseEntity<ApiProblem> respond(ApiProblem problem, HttpHeaders headers) {
        return problems.entity(problem, headers);
    }

    private static String location(JsonParseException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A Spring property path ({@code items[0].name}) as a JSON Pointer ({@code /items/0/name}). */
    static String pointer(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String token : propertyPath.replace("]", "").replace('[', '.').split("\\.")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(escape(token));
            }
        }
        return pointer.toString();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName())
                    : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A constraint name ({@code NotBlank}) as a stable code ({@code not_blank}). */
    static String code(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            return "invalid";
        }
        return constraint.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String lastCode(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    /** How the expected Java type looks in JSON, without naming Java classes. */
    private static String jsonType(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).toList());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return null;
    }
}
