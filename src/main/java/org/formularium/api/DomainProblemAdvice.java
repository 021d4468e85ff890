package org.formularium.api;

import jakarta.servlet.http.HttpServletRequest;
import org.formularium.definition.store.DraftConflictException;
import org.formularium.definition.store.FormKeyTakenException;
import org.formularium.definition.store.FormNotFoundException;
import org.formularium.definition.store.InvalidDefinitionException;
import org.formularium.fim.FimImportException;
import org.formularium.submission.AttachmentRejectedException;
import org.formularium.submission.IdempotencyConflictException;
import org.formularium.submission.SubmissionRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Locale;

/**
 * The domain's exceptions as RFC 9457 problems: invalid definitions and data → 422 with every error
 * (path, stable code, message), conflicts → 409, unknown forms → 404. Data error messages follow the
 * request's {@code Accept-Language} (German or English).
 */
@RestControllerAdvice(basePackages = "org.formularium.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblemAdvice {

    private final ApiExceptionHandler problems;

    DomainProblemAdvice(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidDefinitionException.class)
    ResponseEntity<ApiProblem> invalidDefinition(InvalidDefinitionException e, HttpServletRequest request) {
        List<ApiFieldError> errors = e.problems().stream()
                .map(p -> new ApiFieldError(p.path(), p.code().name(), p.message())).toList();
        return problems.apiProblem(ApiProblemException.validation(
                "The form definition has " + errors.size() + " problem(s).", errors), request);
    }

    @ExceptionHandler(SubmissionRejectedException.class)
    ResponseEntity<ApiProblem> rejected(SubmissionRejectedException e, HttpServletRequest request) {
        Locale locale = request.getLocale() != null && "de".equals(request.getLocale().getLanguage())
                ? Locale.GERMAN : Locale.ENGLISH;
        List<ApiFieldError> errors = e.errors().stream()
                .map(err -> new ApiFieldError(err.path(), err.code().name(), err.message().get(locale))).toList();
        return problems.apiProblem(ApiProblemException.validation(
                "The submission has " + errors.size() + " error(s).", errors), request);
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ApiProblem> idempotency(IdempotencyConflictException e, HttpServletRequest request) {
        return problems.apiProblem(new ApiProblemException(ApiProblemType.VALIDATION_FAILED,
                "This Idempotency-Key was already used for a different request. Use a new key for new data.",
                List.of(new ApiFieldError("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED", e.getMessage()))), request);
    }

    @ExceptionHandler(AttachmentRejectedException.class)
    ResponseEntity<ApiProblem> attachment(AttachmentRejectedException e, HttpServletRequest request) {
        ApiProblemType type = e.reason() == AttachmentRejectedException.Reason.TOO_LARGE
                ? ApiProblemType.PAYLOAD_TOO_LARGE : ApiProblemType.VALIDATION_FAILED;
        return problems.apiProblem(new ApiProblemException(type, e.userMessage().get("en"),
                List.of(new ApiFieldError("file", e.reason().name(), e.userMessage().get("en")))), request);
    }

    @ExceptionHandler(FimImportException.class)
    ResponseEntity<ApiProblem> fim(FimImportException e, HttpServletRequest request) {
        return problems.apiProblem(new ApiProblemException(ApiProblemType.VALIDATION_FAILED,
                "The XDatenfelder file cannot be imported: " + e.getMessage(),
                List.of(new ApiFieldError(e.location() == null ? "" : e.location(), e.code().name(), e.getMessage()))),
                request);
    }

    @ExceptionHandler(FormNotFoundException.class)
    ResponseEntity<ApiProblem> notFound(FormNotFoundException e, HttpServletRequest request) {
        return problems.apiProblem(ApiProblemException.notFound(e.getMessage() + "."), request);
    }

    @ExceptionHandler(FormKeyTakenException.class)
    ResponseEntity<ApiProblem> keyTaken(FormKeyTakenException e, HttpServletRequest request) {
        return problems.apiProblem(ApiProblemException.conflict(e.getMessage() + "."), request);
    }

    @ExceptionHandler(DraftConflictException.class)
    ResponseEntity<ApiProblem> draftConflict(DraftConflictException e, HttpServletRequest request) {
        String current = e.current() == null ? " It has been published meanwhile; start from the new version."
                : " The current lock version is " + e.current().lockVersion() + " (send it as If-Match to overwrite).";
        return problems.apiProblem(ApiProblemException.conflict(e.getMessage() + "." + current), request);
    }
}
