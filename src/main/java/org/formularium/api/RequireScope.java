package org.formularium.api;

/**
 * Expressions for {@code @PreAuthorize} on API endpoints. Every handler under {@code /api/} must carry one
 * (on the method or its class), otherwise the application does not start (see
 * {@link ApiEndpointAuthorizationCheck}):
 * <pre>
 * &#64;GetMapping("/api/v1/forms")
 * &#64;PreAuthorize(RequireScope.FORMS_READ)
 * public List&lt;FormSummary&gt; forms() { ... }
 * </pre>
 */
public final class RequireScope {

    public static final String FORMS_READ = "hasAuthority('SCOPE_forms:read')";
    public static final String FORMS_WRITE = "hasAuthority('SCOPE_forms:write')";
    public static final String SUBMISSIONS_READ = "hasAuthority('SCOPE_submissions:read')";
    public static final String SUBMISSIONS_WRITE = "hasAuthority('SCOPE_submissions:write')";
    /** Any valid (not revoked, not expired) key, whatever its scopes. */
    public static final String ANY_VALID_KEY = "isAuthenticated()";
    /**
     * No key needed. The path must also be opened in {@link ApiSecurityConfig} ({@code /api/v1/schemas/**} is);
     * elsewhere the filter chain still asks for a key.
     */
    public static final String PUBLIC = "permitAll()";

    private RequireScope() {
    }
}
