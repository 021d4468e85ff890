package org.formularium.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every response — Vaadin pages, static resources (which bypass Spring Security), the
 * REST API and error pages — from one place, ahead of every other filter:
 * <ul>
 *     <li>Content-Security-Policy: for the UI what Vaadin Flow needs ({@code 'unsafe-eval'} for
 *     {@code executeJs}, inline bootstrap script and Lumo's inline styles) and nothing from other origins;
 *     no framing ({@code frame-ancestors 'none'}), forms only to us; for the API {@code default-src 'none'};</li>
 *     <li>X-Content-Type-Options {@code nosniff}, X-Frame-Options {@code DENY},
 *     Referrer-Policy {@code strict-origin-when-cross-origin}, a Permissions-Policy that turns off device
 *     APIs;</li>
 *     <li>Strict-Transport-Security only on https requests (behind a proxy: {@code X-Forwarded-Proto: https}
 *     from a trusted proxy, see {@code server.forward-headers-strategy}).</li>
 * </ul>
 * Spring Security's own header writers are switched off for these headers ({@link #configure}) so each
 * header is written exactly once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String UI_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || path.startsWith("/v3/api-docs");
        response.setHeader("Content-Security-Policy", api ? API_POLICY : UI_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** For every security filter chain: leave these headers to this filter (keeps Cache-Control). */
    public static void configure(org.springframework.security.config.annotation.web.builders.HttpSecurity http)
            throws Exception {
        http.headers(headers -> headers
                .contentTypeOptions(c -> c.disable())
                .frameOptions(f -> f.disable())
                .httpStrictTransportSecurity(h -> h.disable())
                .xssProtection(x -> x.disable()));
    }
}
