package org.formularium.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.formularium.api.keys.ApiScope;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 401 and 403 as problems with RFC 6750 {@code WWW-Authenticate: Bearer ...} challenges, for the security
 * filter chain (entry point, access-denied handler) and for method security failures seen by
 * {@link ApiExceptionHandler}. A 403 names the scopes the key lacks.
 */
@Component
class ApiAuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Formularium API";
    private static final Pattern SCOPE_IN_EXPRESSION = Pattern.compile(
            Pattern.quote(ApiScope.AUTHORITY_PREFIX) + "([a-z]+:[a-z]+)");

    private final ApiProblems problems;

    ApiAuthenticationProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, unauthorizedChallenge(request));
        problems.write(response, unauthorized(request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Set<String> missing = missingScopes(currentAuthentication(), e);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, insufficientScopeChallenge(missing));
        problems.write(response, forbidden(request, missing));
    }

    ApiProblem unauthorized(HttpServletRequest request) {
        String invalid = (String) request.getAttribute(ApiKeyAuthenticationFilter.INVALID_KEY_ATTRIBUTE);
        String detail = invalid != null ? invalid
                : "This endpoint needs an API key: send the header 'Authorization: Bearer <API key>'.";
        return problems.of(request, ApiProblemType.UNAUTHORIZED, detail);
    }

    String unauthorizedChallenge(HttpServletRequest request) {
        String invalid = (String) request.getAttribute(ApiKeyAuthenticationFilter.INVALID_KEY_ATTRIBUTE);
        return invalid == null ? "Bearer realm=\"" + REALM + "\""
                : "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + invalid + "\"";
    }

    ApiProblem forbidden(HttpServletRequest request, Set<String> missingScopes) {
        if (missingScopes.isEmpty()) {
            return problems.of(request, ApiProblemType.FORBIDDEN, "The API key may not do this.");
        }
        String detail = missingScopes.size() == 1
                ? "The API key lacks the scope " + missingScopes.iterator().next() + " needed for this request."
                : "The API key lacks scopes needed for this request: " + String.join(", ", missingScopes) + ".";
        return problems.of(request, ApiProblemType.INSUFFICIENT_SCOPE, detail);
    }

    static String insufficientScopeChallenge(Set<String> missingScopes) {
        String challenge = "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"";
        return missingScopes.isEmpty() ? challenge : challenge + ", scope=\"" + String.join(" ", missingScopes) + "\"";
    }

    static boolean isAnonymous(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    /** The scopes the denied rule asked for that the caller does not hold, in the rule's order. */
    static Set<String> missingScopes(Authentication authentication, AccessDeniedException e) {
        Set<String> held = authentication == null ? Set.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Set<String> required = new LinkedHashSet<>();
        if (e instanceof AuthorizationDeniedException denied) {
            AuthorizationResult result = denied.getAuthorizationResult();
            if (result instanceof AuthorityAuthorizationDecision authorities) {
                authorities.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith(ApiScope.AUTHORITY_PREFIX))
                        .forEach(required::add);
            } else if (result instanceof ExpressionAuthorizationDecision expression) {
                scopesIn(expression.getExpression().getExpressionString())
                        .forEach(scope -> required.add(ApiScope.AUTHORITY_PREFIX + scope));
            }
        }
        return required.stream().filter(a -> !held.contains(a))
                .map(a -> a.substring(ApiScope.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The scope values ({@code forms:read}) an authorization expression names. */
    static Set<String> scopesIn(String expression) {
        Set<String> scopes = new LinkedHashSet<>();
        Matcher m = SCOPE_IN_EXPRESSION.matcher(expression);
        while (m.find()) {
            scopes.add(m.group(1));
        }
        return scopes;
    }

    private static Authentication currentAuthentication() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    }
}
