package org.formularium.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One log line per request: method, path (never the query string, which may carry personal data or
 * tokens), status and duration. No IP addresses, no user names, no bodies. Vaadin's UIDL/heartbeat
 * traffic is logged at DEBUG only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLoggingFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("org.formularium.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            boolean vaadinInternal = request.getParameter("v-r") != null || request.getRequestURI().startsWith("/VAADIN/");
            // the line is built only when it is written (Vaadin's traffic, most requests, is DEBUG)
            if (vaadinInternal ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
                String line = "request method={} path={} status={} durationMs={}";
                Object[] args = {request.getMethod(), sanitize(request.getRequestURI()), response.getStatus(),
                        String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0)};
                if (vaadinInternal) {
                    LOG.debug(line, args);
                } else {
                    LOG.info(line, args);
                }
            }
        }
    }

    /** Resume tokens and similar secrets in paths are masked. */
    static String sanitize(String path) {
        return path.replaceAll("(/resume/|/r/)[^/]+", "$1***").replaceAll("[\\r\\n]", "");
    }
}
