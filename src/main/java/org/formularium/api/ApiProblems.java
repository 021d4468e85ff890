package org.formularium.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds problems and writes them, from controllers (as a {@link ResponseEntity}) and from filters. */
@Component
class ApiProblems {

    private final ObjectMapper objectMapper;

    ApiProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    ApiProblem of(HttpServletRequest request, ApiProblemType type, String detail) {
        return of(request, type, detail, List.of(), null);
    }

    ApiProblem of(HttpServletRequest request, ApiProblemType type, String detail, List<ApiFieldError> errors,
                  String errorId) {
        return new ApiProblem(type.type(), type.title(), type.status(), detail, instance(request), errors, errorId);
    }

    /** A problem for a bare status code (from {@code sendError} or a framework exception). */
    ApiProblem ofStatus(HttpServletRequest request, int status, String detail) {
        return ApiProblemType.forStatus(status)
                .map(type -> of(request, type, detail))
                .orElseGet(() -> {
                    HttpStatus known = HttpStatus.resolve(status);
                    String title = known != null ? known.getReasonPhrase() : "Error";
                    return new ApiProblem(URI.create("about:blank"), title, status, detail, instance(request),
                            List.of(), null);
                });
    }

    static String newErrorId() {
        return UUID.randomUUID().toString();
    }

    ResponseEntity<ApiProblem> entity(ApiProblem problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.putAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.status()).headers(all).body(problem);
    }

    /** Writes the problem as the whole response, replacing anything buffered. */
    void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = objectMapper.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
        response.flushBuffer();
    }

    /** The request path, without the query string (it may carry data that does not belong in an error). */
    private static String instance(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
