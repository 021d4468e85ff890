package org.formularium.api.keys;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do. The value is what integrators see (in the admin UI, in {@code whoami}); the
 * authority ({@code SCOPE_forms:read}) is what endpoints check, see {@link org.formularium.api.RequireScope}.
 * The database keeps the values and checks them against this list ({@code api_key_scopes_ck}).
 */
public enum ApiScope {
    FORMS_READ("forms:read"),
    FORMS_WRITE("forms:write"),
    SUBMISSIONS_READ("submissions:read"),
    SUBMISSIONS_WRITE("submissions:write");

    /** Prefix of the Spring Security authority that stands for a scope. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The Spring Security authority, e.g. {@code SCOPE_forms:read}. */
    public String authority() {
        return AUTHORITY_PREFIX + value;
    }

    public static Optional<ApiScope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
