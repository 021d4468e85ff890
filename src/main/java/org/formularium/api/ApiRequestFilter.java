package org.formularium.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outer boundary of every request under {@code /api/} (first filter of the API security chain):
 * <ul>
 *     <li>refuses bodies larger than {@link ApiProperties#maxBodyBytes()} (413), by Content-Length up front and
 *     by counting while the body is read;</li>
 *     <li>turns {@code response.sendError(...)} (Spring MVC's answer to 404, 405, 406, 415 before a controller
 *     is chosen) into a problem instead of the container's error page;</li>
 *     <li>turns any exception that escapes into a 500 problem with an error id that is logged.</li>
 * </ul>
 */
class ApiRequestFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestFilter.class);

    private final ApiProblems problems;
    private final long maxJsonBytes;
    private final long maxUploadBytes;

    ApiRequestFilter(ApiProblems problems, long maxJsonBytes, long maxUploadBytes) {
        this.problems = problems;
        this.maxJsonBytes = maxJsonBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String contentType = request.getContentType();
        long maxBodyBytes = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                ? maxUploadBytes : maxJsonBytes;
        if (request.getContentLengthLong() > maxBodyBytes) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(response, problems.of(request, ApiProblemType.PAYLOAD_TOO_LARGE,
                    RequestBodyTooLargeException.detail(maxBodyBytes)));
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), new ProblemOnSendError(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            RequestBodyTooLargeException tooLarge = findCause(e, RequestBodyTooLargeException.class);
            if (tooLarge != null) {
                problems.write(response, problems.of(request, ApiProblemType.PAYLOAD_TOO_LARGE,
                        RequestBodyTooLargeException.detail(tooLarge.limit())));
                return;
            }
            if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                LOG.debug("Client went away during API request {} {}", request.getMethod(), request.getRequestURI());
                return;
            }
            String errorId = ApiProblems.newErrorId();
            LOG.error("Unexpected error in API request {} {}, errorId={}", request.getMethod(),
                    request.getRequestURI(), errorId, e);
            if (response.isCommitted()) {
                return;
            }
            problems.write(response, problems.of(request, ApiProblemType.INTERNAL_ERROR,
                    ApiExceptionHandler.INTERNAL_ERROR_DETAIL, List.of(), errorId));
        }
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Problem details instead of the servlet container's error page. */
    private final class ProblemOnSendError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnSendError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("response already committed");
            }
            problems.write((HttpServletResponse) getResponse(), problems.ofStatus(request, status, detail(status)));
        }

        private String detail(int status) {
            return switch (status) {
                case 400 -> "The request is malformed.";
                case 404 -> "There is no API resource at " + request.getRequestURI() + ".";
                case 405 -> "The method " + request.getMethod() + " is not allowed here"
                        + allowed(getHeader(HttpHeaders.ALLOW)) + ".";
                case 406 -> "The resource cannot be represented in any of the media types the Accept header allows.";
                case 413 -> RequestBodyTooLargeException.detail(maxJsonBytes);
                case 415 -> "The content type " + (request.getContentType() == null ? "(none)" : "'"
                        + request.getContentType() + "'") + " is not supported here"
                        + accepted(getHeader(HttpHeaders.ACCEPT)) + ".";
                case 500 -> ApiExceptionHandler.INTERNAL_ERROR_DETAIL;
                default -> null;
            };
        }

        private static String allowed(String allow) {
            return allow == null || allow.isBlank() ? "" : "; allowed: " + allow;
        }

        private static String accepted(String accept) {
            return accept == null || accept.isBlank() ? "" : "; use " + accept;
        }
    }

    /** Counts the body as it is read and fails once it passes the limit (bodies without Content-Length). */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = StandardCharsets.UTF_8;
                try {
                    charset = encoding == null ? charset : Charset.forName(encoding);
                } catch (IllegalArgumentException unknownCharset) {
                    // keep UTF-8, the only encoding JSON knows (RFC 8259)
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
