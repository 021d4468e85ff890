package org.formularium.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of problem the API answers with; {@link #type()} is the problem's stable {@code type} URI. */
public enum ApiProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    INSUFFICIENT_SCOPE(403, "insufficient-scope", "Insufficient scope"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    GONE(410, "gone", "Gone"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION_FAILED(422, "validation-failed", "Validation failed"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    public static final String TYPE_BASE = "https://formularium.org/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ApiProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    /** The type for a bare status code; 403 gives {@link #FORBIDDEN}. */
    public static Optional<ApiProblemType> forStatus(int status) {
        if (status == 403) {
            return Optional.of(FORBIDDEN);
        }
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst();
    }
}
