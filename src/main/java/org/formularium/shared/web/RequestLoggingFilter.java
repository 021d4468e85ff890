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
import java.util.regex.Pattern;

/**
 * One log line per request: method, path (never the query string, which may carry personal data or
 * tokens), status and duration. No IP addresses, no user names, no bodies. Vaadin's UIDL/heartbeat
 * traffic is logged at DEBUG only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLoggingFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("org.formularium.requests");
    private static final Pattern SECRET_SEGMENTS = Pattern.compile("(/fortsetzen/|/resume/|/r/)[^/]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long tenths = (System.nanoTime() - start) / 100_000;
            boolean vaadinInternal = request.getRequestURI().startsWith("/VAADIN/") || request.getParameter("v-r") != null;
            if (vaadinInternal ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
                String line = "request method={} path={} status={} durationMs={}";
                Object[] args = {request.getMethod(), sanitize(request.getRequestURI()), response.getStatus(),
                        tenths / 10 + "." + tenths % 10};
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
        return LINE_BREAKS.matcher(SECRET_SEGMENTS.matcher(path).replaceAll("$1***")).replaceAll("");
    }
}
