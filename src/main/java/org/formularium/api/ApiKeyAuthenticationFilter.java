package org.formularium.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formularium.api.keys.ApiKeyService;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer <API key>} → an {@link ApiKeyAuthentication}. A missing header leaves the
 * request anonymous; a wrong, revoked or expired key too, with the reason noted for the 401 (so public
 * endpoints still answer). Deliberately not a bean: it runs only in the API filter chain.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String INVALID_KEY_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".invalid";
    static final String INVALID_KEY = "The API key is unknown, revoked or expired.";
    static final String NOT_BEARER = "The Authorization header must have the form 'Bearer <API key>'.";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                request.setAttribute(INVALID_KEY_ATTRIBUTE, NOT_BEARER);
            } else {
                String key = header.substring(BEARER.length()).strip();
                keys.authenticate(key).ifPresentOrElse(principal -> {
                    SecurityContext context = contextHolder.createEmptyContext();
                    context.setAuthentication(new ApiKeyAuthentication(principal));
                    contextHolder.setContext(context);
                    // Vaadin installs its own global strategy; when a second application context in the same JVM
                    // (tests) replaced it, method security reads the current global one: keep both in step
                    SecurityContextHolderStrategy current = SecurityContextHolder.getContextHolderStrategy();
                    if (current != contextHolder) {
                        current.setContext(context);
                    }
                }, () -> request.setAttribute(INVALID_KEY_ATTRIBUTE, INVALID_KEY));
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolderStrategy current = SecurityContextHolder.getContextHolderStrategy();
            if (current != contextHolder) {
                current.clearContext();
            }
        }
    }
}
