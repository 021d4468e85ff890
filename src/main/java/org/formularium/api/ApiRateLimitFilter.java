package org.formularium.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formularium.shared.ratelimit.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rate limits of the API, right after the key is checked: requests with a valid key count against that key
 * ({@link RateLimits.Limit#API_KEY}, generous by default so that a downstream system or the ingest benchmark is
 * never slowed down), requests without one against the client address ({@link RateLimits.Limit#API_ADDRESS}, which
 * also slows down guessing keys). Over the limit: 429 problem+json with {@code Retry-After} in seconds.
 * Deliberately not a bean: it runs only in the API filter chain.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ApiProblems problems;

    ApiRateLimitFilter(RateLimits limits, ApiProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<Instant> retryAt = authentication instanceof ApiKeyAuthentication key
                ? limits.tryAcquire(RateLimits.Limit.API_KEY, List.of("key:" + key.getPrincipal().keyId()))
                : limits.tryAcquireForClient(RateLimits.Limit.API_ADDRESS, request.getRemoteAddr());
        if (retryAt.isPresent()) {
            long seconds = limits.retryAfter(retryAt.get()).toSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            problems.write(response, problems.of(request, ApiProblemType.TOO_MANY_REQUESTS,
                    "Too many requests" + (authentication instanceof ApiKeyAuthentication ? " with this API key" : "")
                            + ". Try again in " + seconds + " seconds."));
            return;
        }
        chain.doFilter(request, response);
    }
}
