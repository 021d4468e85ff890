package org.formularium.api;

import java.io.IOException;

/** Thrown while reading a request body that grows beyond {@link ApiProperties#maxBodyBytes()}; answered with 413. */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes.";
    }
}
